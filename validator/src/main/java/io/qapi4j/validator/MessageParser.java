package io.qapi4j.validator;

import java.io.InputStream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses messages the way QEMU's JSON parser reads them: duplicate keys are an error, single-quoted
 * strings are accepted (QEMU's input dialect), nesting is limited to 1024 levels and a token to 64
 * MiB (QEMU's {@code MAX_NESTING} and {@code MAX_TOKEN_SIZE}). Integer literals keep their exact
 * value; literals with a fraction or exponent stay floating point, so {@code 1.0} is no integer.
 *
 * <p>Two mappers with these rules: {@link #FAST} finds duplicate keys where it is cheap — while
 * building a tree, where adding a key tells whether it was there, or in the streaming checks,
 * where a bit per schema member does — and is used for everything that parses; {@link #MAPPER}
 * makes the parser check every key against a set per object (a third of the parse time), and is
 * used only to word a parse error: an input that fails is parsed again with it, so that errors
 * read exactly as the parser words them, with the position of the offending key.
 */
final class MessageParser {

  /** QEMU's json-streamer limits. */
  static final int MAX_NESTING = 1024;
  static final int MAX_TOKEN = 64 << 20;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_NESTING)
          .maxStringLength(MAX_TOKEN)
          .maxNumberLength(MAX_TOKEN)
          .build())
      .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
      .build();

  /** Duplicate keys rejected by the parser: the reference wording of every parse error. */
  static final JsonMapper MAPPER = JsonMapper.builder(FACTORY)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  /**
   * Duplicate keys rejected when a tree is built ({@code FAIL_ON_READING_DUP_TREE_KEY}) or by the
   * streaming checks, not by the parser.
   */
  static final JsonMapper FAST = JsonMapper.builder(FACTORY)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      .build();

  private MessageParser() {}

  /** A parsed message or the parse error. */
  record Parsed(@Nullable JsonNode node, @Nullable String error) {}

  static Parsed parse(String text) {
    return parse(text, JsonMapper::readTree);
  }

  static Parsed parse(byte[] bytes) {
    return parse(bytes, JsonMapper::readTree);
  }

  /** Parses the stream, which can be read only once: with the reference mapper. */
  static Parsed parse(InputStream in) {
    try {
      return checked(MAPPER.readTree(in));
    } catch (JacksonException e) {
      return new Parsed(null, describe(e));
    }
  }

  private interface Reader<T> {
    JsonNode read(JsonMapper mapper, T input);
  }

  private static <T> Parsed parse(T input, Reader<T> reader) {
    try {
      return checked(reader.read(FAST, input));
    } catch (JacksonException fast) {
      return reference(input, reader);
    }
  }

  /** The parse error for an input that failed to parse fast, as the reference mapper words it. */
  private static <T> Parsed reference(T input, Reader<T> reader) {
    try {
      return checked(reader.read(MAPPER, input));
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
    String reason = e.getOriginalMessage();
    if (reason == null) {
      reason = e.getClass().getSimpleName();
    }
    int cut = reason.indexOf('\n');
    if (cut >= 0) {
      reason = reason.substring(0, cut);
    }
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
