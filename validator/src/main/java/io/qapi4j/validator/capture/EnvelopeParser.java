package io.qapi4j.validator.capture;

import io.qapi4j.validator.MessageKind;
import io.qapi4j.validator.QemuJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a framed message's {@link Envelope} in one pass over its tokens, and with it decides
 * whether the message is JSON at all. Reads {@link QemuJson}'s dialect, as the validator does, so
 * that whatever passes here parses there too.
 */
final class EnvelopeParser {

  static final JsonMapper MAPPER = QemuJson.MAPPER;

  private EnvelopeParser() {}

  /** An envelope, or why the text is no JSON. */
  record Peeked(@Nullable Envelope envelope, @Nullable String error) {}

  /**
   * Peeks at {@code json}, a message that starts at {@code line}/{@code column} of its capture
   * (for positions in the error text).
   */
  static Peeked peek(byte[] json, long line, int column) {
    try (JsonParser p = MAPPER.createParser(json)) {
      Envelope envelope = envelope(p);
      if (p.nextToken() != null) {
        return new Peeked(null, "JSON parse error, more than one value"
            + QemuJson.at(p.currentTokenLocation(), line, column));
      }
      return new Peeked(envelope, null);
    } catch (JacksonException e) {
      String error = QemuJson.parseError(e, line, column);
      if (e.getLocation() == null || e.getLocation().getLineNr() < 1) {
        // Limits (nesting, token size) come without a position: name the message's.
        error += " (in the message at line " + line + ", column " + column + ")";
      }
      return new Peeked(null, error);
    }
  }

  private static Envelope envelope(JsonParser p) {
    JsonToken first = p.nextToken();
    if (first != JsonToken.START_OBJECT) {
      p.skipChildren();
      return new Envelope(MessageKind.UNKNOWN, null, null, null, null, true);
    }
    boolean execute = false;
    boolean oob = false;
    boolean ret = false;
    boolean error = false;
    boolean event = false;
    boolean greeting = false;
    String command = null;
    String eventName = null;
    JsonNode id = null;
    JsonNode errorNode = null;
    boolean arguments = false;
    int members = 0;
    for (JsonToken t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
      String key = p.currentName();
      JsonToken value = p.nextToken();
      members++;
      switch (key) {
        case "execute", "exec-oob" -> {
          if (key.equals("execute")) {
            execute = true;
          } else {
            oob = true;
          }
          if (value == JsonToken.VALUE_STRING && command == null) {
            command = p.getString();
          }
        }
        case "id" -> id = p.readValueAsTree();
        case "error" -> {
          error = true;
          if (value == JsonToken.START_OBJECT) {
            errorNode = p.readValueAsTree();
          }
        }
        case "event" -> {
          event = true;
          if (value == JsonToken.VALUE_STRING) {
            eventName = p.getString();
          }
        }
        case "arguments" -> arguments = true;
        case "return" -> ret = true;
        case "QMP" -> greeting = true;
        default -> { }
      }
      p.skipChildren();
    }
    // The same order of precedence as the validator's classification.
    MessageKind kind = execute ? MessageKind.COMMAND
        : oob ? MessageKind.OOB_COMMAND
        : ret ? MessageKind.SUCCESS_REPLY
        : error ? MessageKind.ERROR_REPLY
        : event ? MessageKind.EVENT
        : greeting ? MessageKind.GREETING
        : MessageKind.UNKNOWN;
    String name = kind.isCommand() ? command : kind == MessageKind.EVENT ? eventName : null;
    String errorClass = errorNode == null ? null : text(errorNode.get("class"));
    String errorDesc = errorNode == null ? null : text(errorNode.get("desc"));
    // What the validator takes for input too (NativeMessageChecker.looksLikeInput).
    boolean malformedRequest = kind == MessageKind.UNKNOWN
        && (arguments || id != null || members == 0);
    return new Envelope(kind, name, id, errorClass, errorDesc, malformedRequest);
  }

  private static @Nullable String text(@Nullable JsonNode node) {
    return node != null && node.isString() ? node.asString() : null;
  }
}
