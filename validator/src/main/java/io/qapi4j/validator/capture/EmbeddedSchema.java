package io.qapi4j.validator.capture;

import io.qapi4j.model.SchemaResult;
import io.qapi4j.model.introspect.IntrospectionReader;
import io.qapi4j.validator.MessageKind;
import io.qapi4j.validator.Protocol;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Finds a {@code query-qmp-schema} reply inside a capture, so that the capture can serve as its
 * own schema: a success reply that answers {@code query-qmp-schema}, or (in a capture of replies
 * only) one whose {@code return} is an array of SchemaInfo objects. Reads the capture once, up to
 * the first such reply.
 *
 * <pre>{@code
 * try (CaptureReader reader = CaptureReader.open(capture)) {
 *   EmbeddedSchema.Found found = EmbeddedSchema.find(reader);
 *   if (found != null && found.result().ok()) {
 *     schema = found.result().orElseThrow();     // and found.line() says where it was
 *   }
 * }
 * }</pre>
 */
public final class EmbeddedSchema {

  /** The command whose reply is the schema. */
  public static final String COMMAND = "query-qmp-schema";

  private static final byte[] META_TYPE = "meta-type".getBytes(StandardCharsets.US_ASCII);

  /**
   * A schema found in a capture.
   *
   * @param result the schema read from the reply (with errors if it is broken)
   * @param line the 1-based line on which the reply starts
   * @param entries how many SchemaInfo entries the reply holds
   */
  public record Found(SchemaResult result, long line, int entries) {}

  private EmbeddedSchema() {}

  /** The first {@code query-qmp-schema} reply of {@code reader}'s capture, or {@code null}. */
  public static @Nullable Found find(CaptureReader reader) throws IOException {
    SessionTracker sessions = new SessionTracker(Protocol.QMP, null);
    for (CaptureItem item = reader.next(); item != null; item = reader.next()) {
      if (!(item instanceof CapturedMessage m)) {
        continue;
      }
      String answers = sessions.accept(m).inReplyTo();
      if (COMMAND.equals(answers) || (answers == null && contains(m.json(), META_TYPE))) {
        Found found = fromReply(m);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /**
   * The schema of {@code m}, a reply to {@code query-qmp-schema}: {@code null} unless it is a
   * success reply whose {@code return} is an array of SchemaInfo objects.
   */
  public static @Nullable Found fromReply(CapturedMessage m) {
    if (m.envelope().kind() != MessageKind.SUCCESS_REPLY) {
      return null;
    }
    JsonNode reply;
    try {
      reply = EnvelopeParser.MAPPER.readTree(m.json());
    } catch (JacksonException e) {
      return null;
    }
    JsonNode list = reply.path("return");
    if (list.isArray() && !list.isEmpty() && list.get(0).has("meta-type")) {
      return new Found(IntrospectionReader.read(reply, m.source() + ":" + m.line()), m.line(),
          list.size());
    }
    return null;
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0, end = haystack.length - needle.length; i <= end; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
