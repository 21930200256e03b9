package io.qapi4j.validator;

import java.io.InputStream;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
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
  static final int MAX_NESTING = 1024;
  static final int MAX_TOKEN = 64 << 20;

  static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder()
              .maxNestingDepth(MAX_NESTING)
              .maxStringLength(MAX_TOKEN)
              .maxNumberLength(MAX_TOKEN)
              .build())
          .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
          .build())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

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

  /** Jackson's asides that name its own API rather than the input. */
  private static final Pattern JACKSON_ASIDES = Pattern.compile(
      "\\s*\\(start marker at \\[[^\\]]*\\]\\)|\\s*\\(bound as `[^`]*`\\)"
          + "|: not allowed as per `[^`]*`|, from `[^`]*`");

  /** "JSON parse error, ..." as QEMU says, with Jackson's reason and position. */
  static String describe(JacksonException e) {
    String reason = e.getOriginalMessage();
    if (reason == null) {
      reason = e.getClass().getSimpleName();
    }
    int cut = reason.indexOf('\n');
    if (cut >= 0) {
      reason = reason.substring(0, cut);
    }
    reason = JACKSON_ASIDES.matcher(reason).replaceAll("");
    if (reason.startsWith("Duplicate Object property")) {
      // QEMU's parser says "duplicate key"; keep its words and name the key.
      reason = "duplicate key" + reason.substring("Duplicate Object property".length());
    }
    if (reason.length() > 200) {
      reason = reason.substring(0, 200) + "...";
    }
    var loc = e.getLocation();
    String where = loc == null || loc.getLineNr() < 0 ? ""
        : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    return "JSON parse error, " + reason + where;
  }
}
