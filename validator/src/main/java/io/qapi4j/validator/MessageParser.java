package io.qapi4j.validator;

import java.io.InputStream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses messages the way QEMU's JSON parser reads them: duplicate keys are an error, single-quoted
 * strings are accepted (QEMU's input dialect), nesting is limited to 1024 levels and a token to 64
 * MiB (QEMU's {@code MAX_NESTING} and {@code MAX_TOKEN_SIZE}). Integer literals keep their exact
 * value; literals with a fraction or exponent stay floating point, so {@code 1.0} is no integer.
 */
final class MessageParser {

  /** QEMU's json-streamer limits. */
  static final int MAX_NESTING = QemuJson.MAX_NESTING;
  static final int MAX_TOKEN = QemuJson.MAX_TOKEN;

  static final JsonMapper MAPPER = QemuJson.MAPPER;

  private MessageParser() {}

  /** A parsed message or the parse error. */
  record Parsed(@Nullable JsonNode node, @Nullable String error) {}

  static Parsed parse(String text) {
    try {
      return checked(MAPPER.readTree(text));
    } catch (JacksonException e) {
      return new Parsed(null, describe(e));
    }
  }

  static Parsed parse(byte[] bytes) {
    try {
      return checked(MAPPER.readTree(bytes));
    } catch (JacksonException e) {
      return new Parsed(null, describe(e));
    }
  }

  static Parsed parse(InputStream in) {
    try {
      return checked(MAPPER.readTree(in));
    } catch (JacksonException e) {
      return new Parsed(null, describe(e));
    }
  }

  private static Parsed checked(JsonNode node) {
    return node.isMissingNode() ? new Parsed(null, "JSON parse error, no JSON value") : new Parsed(node, null);
  }

  /** A parser over a stream of many messages, configured like the single-message parser. */
  static JsonParser streamingParser(InputStream in) {
    return MAPPER.createParser(in);
  }

  /** "JSON parse error, ..." as QEMU says, with Jackson's reason and position. */
  static String describe(JacksonException e) {
    return QemuJson.parseError(e, 1, 1);
  }
}
