package io.qapi4j.cli;

import io.qapi4j.model.parse.SourceLoader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The schemas bundled in the qapi4j jar: the project's seed schemas ({@code testdata/seeds/*.json},
 * copied in at build time). Messages name a bundled file {@code bundled/NAME}, and its includes
 * resolve among the bundled files (seed 003 includes the bundled {@code common.json}).
 */
public final class BundledSchemas {

  /** The schema {@code check} reads when given no file. */
  public static final String DEFAULT = "001-qmp-qapi-schema-v1.7-era.json";

  /** How messages name a bundled file: this prefix, then its name. */
  public static final String PATH_PREFIX = "bundled/";

  /** Where the bundled files are on the class path. */
  static final String RESOURCE_DIR = "io/qapi4j/cli/bundled/";

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

  /** Whether {@code name} is a bundled file (cheap: no listing). */
  static boolean exists(String name) {
    if (name.isEmpty() || name.contains("/") || !name.endsWith(".json")) {
      return false;
    }
    URL url = BundledSchemas.class.getClassLoader().getResource(RESOURCE_DIR + name);
    return url != null;
  }
}
