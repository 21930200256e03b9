package io.qapi4j.validator;

import io.qapi4j.model.Schema;
import io.qapi4j.model.introspect.IntrospectionReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A recorded QMP session as a {@code -> }/{@code <- } transcript, one message per line: its
 * messages with, for replies, the command they answer (paired by order), and the schema from its
 * {@code query-qmp-schema} reply.
 */
record QmpTranscriptFile(Schema schema, List<Line> lines) {

  /** One message and, for a reply, the command it answers. */
  record Line(int number, String text, @Nullable String inReplyTo) {}

  static QmpTranscriptFile read(Path file) throws IOException {
    List<String> text = Files.readAllLines(file);
    Deque<String> waiting = new ArrayDeque<>();
    List<Line> lines = new ArrayList<>();
    JsonNode schema = null;
    for (int i = 0; i < text.size(); i++) {
      String line = text.get(i);
      if (line.length() < 3) {
        continue;
      }
      String json = line.substring(3);
      JsonNode node = JsonMapper.shared().readTree(json);
      String inReplyTo = null;
      if (line.startsWith("-> ")) {
        waiting.add(node.path("execute").asString(node.path("exec-oob").asString("")));
      } else if (node.has("return") || node.has("error")) {
        inReplyTo = waiting.poll();
        if ("query-qmp-schema".equals(inReplyTo) && node.has("return")) {
          schema = node;
        }
      }
      lines.add(new Line(i + 1, json, inReplyTo));
    }
    if (schema == null) {
      throw new IllegalArgumentException(file + " has no query-qmp-schema reply");
    }
    return new QmpTranscriptFile(IntrospectionReader.read(schema, file.toString()).orElseThrow(),
        lines);
  }
}
