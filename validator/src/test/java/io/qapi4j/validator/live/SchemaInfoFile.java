package io.qapi4j.validator.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * A {@code query-qmp-schema} answer as a file: the bare SchemaInfo array, one entry a line in
 * QEMU's order (compact, yet a change of QEMU's schema shows as a readable diff). The live QMP test
 * writes QEMU 7.2's answer this way ({@link CaptureFiles#INTROSPECTION}); the CLI bundles that file
 * as the QMP schema of last resort.
 */
final class SchemaInfoFile {
  private SchemaInfoFile() {}

  /** The file's text for {@code schemaInfo} (a SchemaInfo array). */
  static String text(JsonNode schemaInfo) {
    if (!schemaInfo.isArray()) {
      throw new IllegalArgumentException("not a SchemaInfo array: " + schemaInfo.getNodeType());
    }
    List<String> entries = new ArrayList<>();
    schemaInfo.forEach(e -> entries.add(TestJson.MAPPER.writeValueAsString(e)));
    return "[\n" + String.join(",\n", entries) + "\n]\n";
  }

  /**
   * The SchemaInfo array of the {@code query-qmp-schema} reply in a {@code -> }/{@code <- }
   * transcript (the first reply whose {@code return} is an array of entries with a {@code
   * meta-type}).
   */
  static JsonNode answerIn(Path transcript) {
    try (Stream<String> lines = Files.lines(transcript, StandardCharsets.UTF_8)) {
      return lines.filter(l -> l.startsWith("<- {\"return\": [{"))
          .map(l -> TestJson.json(l.substring(3)).get("return"))
          .filter(r -> r.path(0).has("meta-type"))
          .findFirst()
          .orElseThrow(() -> new AssertionError(transcript + " holds no query-qmp-schema reply"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code schemaInfo} to {@code file}, creating its folder. */
  static void write(JsonNode schemaInfo, Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text(schemaInfo), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
