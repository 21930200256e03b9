package io.qapi4j.bench;

import io.qapi4j.model.Schema;
import io.qapi4j.model.SchemaResult;
import io.qapi4j.model.introspect.IntrospectionReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * A recorded QMP session as a transcript: one message per line, {@code -> } and the client's
 * command or {@code <- } and the server's greeting, reply or event. Replies are paired with
 * commands by order, as QMP answers them. The schema is the session's own {@code
 * query-qmp-schema} reply, read with {@link IntrospectionReader}.
 *
 * @param schema the schema from the session's {@code query-qmp-schema} reply
 * @param messages every message but that reply (the schema itself, ~200 KB, would swamp the
 *     per-message figures), in session order
 */
record QmpTranscript(Schema schema, List<Message> messages) {

  /**
   * One message.
   *
   * @param json its UTF-8 bytes
   * @param text the same as text
   * @param inReplyTo for a reply, the command it answers; otherwise {@code null}
   */
  record Message(byte[] json, String text, @Nullable String inReplyTo) {}

  /** Reads the transcript at {@code file}; fails with a clear message when it cannot. */
  static QmpTranscript read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("no QMP capture at " + file + ": record one (a '-> '/'<- '"
          + " transcript with a query-qmp-schema exchange) or pass -p capture=PATH");
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonMapper mapper = JsonMapper.shared();
    Deque<String> waiting = new ArrayDeque<>();
    List<Message> messages = new ArrayList<>();
    JsonNode schemaReply = null;
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      String text = line.substring(3);
      JsonNode node = mapper.readTree(text);
      String inReplyTo = null;
      if (line.startsWith("-> ")) {
        waiting.add(node.path("execute").asString(node.path("exec-oob").asString("")));
      } else if (!line.startsWith("<- ")) {
        throw new IllegalStateException(file + ": not a transcript line: " + line);
      } else if (node.has("return") || node.has("error")) {
        inReplyTo = waiting.poll();
        if ("query-qmp-schema".equals(inReplyTo) && node.has("return")) {
          schemaReply = node;
          continue;
        }
      }
      messages.add(new Message(text.getBytes(StandardCharsets.UTF_8), text, inReplyTo));
    }
    if (schemaReply == null) {
      throw new IllegalStateException(file + " holds no query-qmp-schema reply to take the schema from");
    }
    SchemaResult schema = IntrospectionReader.read(schemaReply, file.toString());
    return new QmpTranscript(schema.orElseThrow(), List.copyOf(messages));
  }

  /** The average size of a message in bytes. */
  double averageBytes() {
    return messages.stream().mapToInt(m -> m.json().length).average().orElse(0);
  }
}
