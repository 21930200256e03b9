package io.qapi4j.cli;

import io.qapi4j.model.SchemaResult;
import io.qapi4j.model.introspect.IntrospectionReader;
import io.qapi4j.model.parse.SourceLoader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schemas bundled in the qapi4j jar, copied in at build time: the project's seed schemas
 * ({@code testdata/seeds/*.json}), which {@code check} and {@code introspect} read, and QEMU 7.2's
 * own introspection ({@code testdata/introspection/}{@value #QMP_INTROSPECTION}), which {@code
 * validate} and {@code proxy} fall back on for QMP. Messages name a bundled file {@code
 * bundled/NAME}, and a seed's includes resolve among the seeds (seed 003 includes the bundled
 * {@code common.json}).
 */
public final class BundledSchemas {

  /** The schema {@code check} reads when given no file. */
  public static final String DEFAULT = "001-qmp-qapi-schema-v1.7-era.json";

  /**
   * The {@code query-qmp-schema} answer of the Debian QEMU 7.2 ({@code qemu-system-x86_64}), as
   * this project recorded it: a bare SchemaInfo array.
   */
  public static final String QMP_INTROSPECTION = "qemu-7.2-x86_64.json";

  /** What {@value #QMP_INTROSPECTION} is, in words for people. */
  public static final String QMP_INTROSPECTION_DESCRIPTION =
      "the bundled QEMU 7.2 introspection (x86_64)";

  /** How messages name a bundled file: this prefix, then its name. */
  public static final String PATH_PREFIX = "bundled/";

  /** Where the bundled schema files are on the class path. */
  static final String RESOURCE_DIR = "io/qapi4j/cli/bundled/";

  /** Where the bundled introspection is on the class path (not a schema file: apart). */
  static final String INTROSPECTION_DIR = "io/qapi4j/cli/introspection/";

  private BundledSchemas() {}

  /** The path string that names bundled file {@code name} in messages. */
  public static String path(String name) {
    return PATH_PREFIX + name;
  }

  /** A loader that reads {@code bundled/NAME} paths from the class path. */
  public static SourceLoader loader() {
    return new ClasspathSourceLoader(PATH_PREFIX, RESOURCE_DIR);
  }

  /**
   * The bundled names {@code query} designates: itself when it is a bundled name, otherwise the
   * bundled names it is a prefix of (so {@code 003} is enough when unique).
   */
  public static List<String> matching(String query) {
    if (exists(query)) {
      return List.of(query);
    }
    return names().stream().filter(n -> n.startsWith(query)).toList();
  }

  /**
   * The names of the bundled files, sorted. Lists the class-path folder or jar the CLI runs from;
   * empty if that cannot be read (a broken installation).
   */
  public static List<String> names() {
    CodeSource source = BundledSchemas.class.getProtectionDomain().getCodeSource();
    if (source == null) {
      return List.of();
    }
    try {
      Path location = Path.of(source.getLocation().toURI());
      List<String> names = Files.isDirectory(location)
          ? namesInFolder(location.resolve(RESOURCE_DIR))
          : namesInJar(location);
      names.sort(null);
      return List.copyOf(names);
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return List.of();
    }
  }

  private static List<String> namesInFolder(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return new ArrayList<>();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return new ArrayList<>(files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .toList());
    }
  }

  private static List<String> namesInJar(Path jarPath) throws IOException {
    List<String> names = new ArrayList<>();
    try (JarFile jar = new JarFile(jarPath.toFile())) {
      for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
        String entry = e.nextElement().getName();
        if (entry.startsWith(RESOURCE_DIR) && entry.endsWith(".json")
            && entry.indexOf('/', RESOURCE_DIR.length()) < 0) {
          names.add(entry.substring(RESOURCE_DIR.length()));
        }
      }
    }
    return names;
  }

  /**
   * The bundled {@value #QMP_INTROSPECTION} as read by {@link IntrospectionReader}; its messages
   * name it {@code bundled/}{@value #QMP_INTROSPECTION}.
   *
   * @throws IOException if the jar lacks it (a broken installation) or it is no JSON
   */
  public static SchemaResult qmpIntrospection() throws IOException {
    String path = path(QMP_INTROSPECTION);
    try (InputStream in = BundledSchemas.class.getClassLoader()
        .getResourceAsStream(INTROSPECTION_DIR + QMP_INTROSPECTION)) {
      if (in == null) {
        throw new NoSuchFileException(path, null, "not in the qapi4j jar");
      }
      return IntrospectionReader.read(JsonMapper.shared().readTree(in), path);
    } catch (JacksonException e) {
      throw new IOException(path + ": not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Whether {@code name} is a bundled file (cheap: no listing). */
  static boolean exists(String name) {
    if (name.isEmpty() || name.contains("/") || !name.endsWith(".json")) {
      return false;
    }
    URL url = BundledSchemas.class.getClassLoader().getResource(RESOURCE_DIR + name);
    return url != null;
  }
}
