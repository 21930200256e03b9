package io.qapi4j.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A QMP recording of {@code testdata/captures/} with its {@code query-qmp-schema} request and
 * reply taken out: modern traffic that holds no schema, so that {@code validate} must find one
 * elsewhere.
 *
 * @param file the recording without the two lines
 * @param removed the 1-based numbers of the lines taken out, in the original
 */
record StrippedRecording(Path file, List<Integer> removed) {

  /** Writes {@code recording} without its schema exchange to {@code into}. */
  static StrippedRecording of(Path recording, Path into) throws IOException {
    List<String> lines = Files.readAllLines(recording, StandardCharsets.UTF_8);
    List<String> kept = new ArrayList<>();
    List<Integer> removed = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("-> {\"execute\":\"query-qmp-schema\"")
          || line.startsWith("<- {\"return\": [{") && line.contains("\"meta-type\"")) {
        removed.add(i + 1);
      } else {
        kept.add(line);
      }
    }
    if (removed.size() != 2) {
      throw new IllegalStateException(recording + ": no single query-qmp-schema exchange "
          + removed);
    }
    Files.write(into, kept, StandardCharsets.UTF_8);
    return new StrippedRecording(into, List.copyOf(removed));
  }

  /** Where line {@code line} of the original (not one taken out) is in {@link #file}. */
  long lineOf(long line) {
    return line - removed.stream().filter(r -> r < line).count();
  }
}
