package io.qapi4j.model.print;

import io.qapi4j.model.SchemaResult;
import io.qapi4j.model.parse.SourceLoader;
import io.qapi4j.model.read.SchemaReader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the output of {@link SchemaPrinter#printModules} back without writing files: the modules
 * are placed in a virtual directory deep enough for {@code ../} includes, the root first.
 */
final class PrintedModules {
  private static final Path DIRECTORY = Path.of("/printed/a/b/c");

  private PrintedModules() {}

  /** Reads {@code modules} (module name → text, root first) with {@code reader}. */
  static SchemaResult read(SchemaReader reader, Map<String, String> modules) {
    Map<String, String> files = new HashMap<>();
    modules.forEach((name, text) -> files.put(normalize(DIRECTORY.resolve(name).toString()), text));
    SourceLoader loader = path -> {
      String text = files.get(normalize(path));
      if (text == null) {
        throw new SourceLoader.UnreadableSourceException("No such file or directory");
      }
      return text;
    };
    String root = DIRECTORY.resolve(modules.keySet().iterator().next()).toString();
    return reader.withLoader(loader).read(root);
  }

  private static String normalize(String path) {
    return Path.of(path).normalize().toString();
  }
}
