package io.qapi4j.validator;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
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
  static final int MAX_NESTING = QemuJson.MAX_NESTING;
  static final int MAX_TOKEN = QemuJson.MAX_TOKEN;

  /** Duplicate keys rejected by the parser: the reference wording of every parse error. */
  static final JsonMapper MAPPER = QemuJson.MAPPER;

  /**
   * Duplicate keys rejected when a tree is built ({@code FAIL_ON_READING_DUP_TREE_KEY}) or by the
   * streaming checks, not by the parser.
   */
  static final JsonMapper FAST = MAPPER.rebuild()
      .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      .build();

  private MessageParser() {}

  /** A parsed message or the parse error. */
  record Parsed(@Nullable JsonNode node, @Nullable String error) {}

  static Parsed parse(String text) {
    return parse(text, JsonMapper::readTree);
  }

  static Parsed parse(byte[] bytes) {
    String leading = leadingProblem(bytes, bytes.length);
    return leading != null ? new Parsed(null, leading) : parse(bytes, JsonMapper::readTree);
  }

  /** Parses the stream, which can be read only once: with the reference mapper. */
  static Parsed parse(InputStream in) {
    try {
      // The caller owns the stream: Jackson would close it.
      PushbackInputStream peek = new PushbackInputStream(new FilterInputStream(in) {
        @Override
        public void close() {}
      }, 4);
      byte[] head = new byte[4];
      int n = 0;
      for (int r; n < head.length && (r = peek.read(head, n, head.length - n)) > 0; ) {
        n += r;
      }
      String leading = leadingProblem(head, n);
      if (leading != null) {
        return new Parsed(null, leading);
      }
      peek.unread(head, 0, n);
      return checked(MAPPER.readTree(peek));
    } catch (IOException e) {
      return new Parsed(null, "JSON parse error, " + e.getMessage());
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

  /**
   * QEMU reads UTF-8 only, where Jackson guesses UTF-16 or UTF-32 from zero bytes or a byte order
   * mark at the start, and skips a UTF-8 byte order mark: all of them are errors to QEMU.
   */
  static @Nullable String leadingProblem(byte[] b, int n) {
    if (n >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
      return "JSON parse error, Unexpected character (U+FEFF, a byte order mark) (line 1, column 1)";
    }
    if (n >= 2 && ((b[0] & 0xff) == 0xfe || (b[0] & 0xff) == 0xff)) {
      return String.format("JSON parse error, Invalid UTF-8 start byte 0x%02x (line 1, column 1)",
          b[0] & 0xff);
    }
    int line = 1;
    int column = 1;
    for (int i = 0; i < Math.min(n, 4); i++) {
      if (b[i] == 0) {
        return "JSON parse error, Illegal character ((CTRL-CHAR, code 0)) (line " + line
            + ", column " + column + ")";
      }
      column++;
      if (b[i] == '\n') {
        line++;
        column = 1;
      }
    }
    return null;
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
