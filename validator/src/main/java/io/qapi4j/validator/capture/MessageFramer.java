package io.qapi4j.validator.capture;

import io.qapi4j.validator.Direction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a capture's bytes into messages, log lines and malformed pieces, byte by byte, with exact
 * positions and bounded memory. It knows JSON's strings (both of QEMU's quote kinds, with escapes)
 * and brackets, and nothing else: whether a framed message is valid JSON is the parser's call.
 *
 * <p>The rules, outside a message:
 *
 * <ul>
 *   <li>A message starts at a <code>&#123;</code> or {@code [} that is the first non-blank byte
 *       of a line, that follows an arrow ({@code ->} or {@code <-}, first on its line) or a 0xFF
 *       byte, or that follows the end of a message on the same line (concatenated values).
 *   <li>A line whose first non-blank byte starts no message is log text: counted, not reported.
 *   <li>Text after a message on the same line is skipped to the end of the line (the sink decides
 *       whether it is malformed or the whole line was log text).
 *   <li>0xFF is QGA's sync byte: it resets the lexer, as in QEMU, and is no error; right after an
 *       arrow it keeps the arrow (a transcript of QGA traffic: {@code -> \xFF{"execute": ...}}).
 * </ul>
 *
 * <p>Inside a message, these end it early, report it as malformed and resume reading:
 *
 * <ul>
 *   <li>a line break inside a string (JSON strings cannot hold one): resume on the next line;
 *   <li>a line that starts, in its first column, with an arrow, or with <code>&#123;</code>
 *       where no value is due (after anything but {@code ,} {@code [} {@code :}): the message was
 *       cut off, and a new one starts there (pretty-printed messages indent everything but their outer brackets;
 *       {@code qemu-img map} prints a list one unindented element a line);
 *   <li>a 0xFF byte: resume right after it;
 *   <li>the end of the input.
 * </ul>
 *
 * <p>Invalid UTF-8 and control characters in strings make the message malformed once it ends. A
 * message larger than the size limit is skipped (not held) to its end and reported.
 */
final class MessageFramer {

  /** Receives what the framer finds, in input order. */
  interface Sink {
    /** A complete message: its bytes (owned by the sink), position and arrow. */
    void message(byte[] json, long line, int column, long offset, Direction arrow,
        List<String> placeholders);

    /** Malformed input starting at a position. */
    void unparsed(long line, int column, long offset, String reason);

    /** A line of log text: its number and its first bytes (Latin-1, for detection only). */
    void textLine(long line, int column, long offset, String head);

    /**
     * Text after a message on the same line (skipped to the end of the line): malformed, unless
     * the value before it was log output (then the whole line is log text).
     */
    void trailingText(long line, int column, long offset);

    /** A 0xFF sync byte. */
    void syncByte();

    /** The first non-blank thing of the capture starts a message (after an arrow or not). */
    void firstMessage(boolean arrow);
  }

  private static final int HEAD = 80;
  private static final int INITIAL_BUFFER = 8 << 10;
  private static final int KEPT_BUFFER = 1 << 20;
  private static final byte SYNC = (byte) 0xFF;

  private enum State { BETWEEN, ARROW, AFTER_ARROW, TEXT, SKIP_LINE, MESSAGE }

  private final Sink sink;
  private final int maxMessageBytes;
  private boolean substitutePlaceholders;

  // Position of the byte being read.
  private long line = 1;
  private int column = 1;
  private long offset;

  private State state = State.BETWEEN;
  private boolean lineStart = true;
  private boolean seenContent;

  // ARROW, AFTER_ARROW and TEXT: the line's start and first bytes.
  private Direction arrow = Direction.UNKNOWN;
  private final byte[] head = new byte[HEAD];
  private int headLength;
  private long textLine;
  private int textColumn;
  private long textOffset;

  // MESSAGE
  private byte[] buffer = new byte[INITIAL_BUFFER];
  private int length;
  private boolean oversized;
  private long messageLine;
  private int messageColumn;
  private long messageOffset;
  private Direction messageArrow = Direction.UNKNOWN;
  private int depth;
  private byte quote;
  private boolean escape;
  private byte previous;
  private byte lastSignificant;
  private byte lineFirst;
  private int tokenStart = -1;
  private List<String> placeholders = new ArrayList<>();
  private String malformed = "";
  // UTF-8: how many continuation bytes are still due, and the range of the next one.
  private int utf8Due;
  private int utf8Low = 0x80;
  private int utf8High = 0xBF;

  MessageFramer(Sink sink, int maxMessageBytes) {
    this.sink = sink;
    this.maxMessageBytes = maxMessageBytes;
  }

  /** Replace iotests placeholders in messages from now on. */
  void substitutePlaceholders(boolean on) {
    substitutePlaceholders = on;
  }

  /** Bytes read so far. */
  long offset() {
    return offset;
  }

  /**
   * Sets the position of the next byte: line {@code line}, column {@code column} (for a stream
   * whose lines are numbered elsewhere, such as one direction of a live session).
   */
  void position(long line, int column) {
    this.line = line;
    this.column = column;
  }

  /** Whether a message is open (started and not yet ended). */
  boolean inMessage() {
    return state == State.MESSAGE;
  }

  /** Frames {@code count} bytes of {@code chunk} from {@code start}. */
  void feed(byte[] chunk, int start, int count) {
    for (int i = start, end = start + count; i < end; i++) {
      byte b = chunk[i];
      switch (state) {
        case BETWEEN -> between(b);
        case ARROW -> arrow(b);
        case AFTER_ARROW -> afterArrow(b);
        case TEXT -> text(b);
        case SKIP_LINE -> skipLine(b);
        case MESSAGE -> message(b);
      }
      advance(b);
    }
  }

  /** The input has ended: whatever is open is finished or reported. */
  void end() {
    switch (state) {
      case MESSAGE -> {
        if (!oversized) {
          malformed("incomplete message at the end of the capture (" + depth
              + " bracket" + (depth == 1 ? "" : "s") + " still open)");
        }
        finishMessage();
      }
      case ARROW, AFTER_ARROW, TEXT -> endTextLine();
      case BETWEEN, SKIP_LINE -> { }
    }
    state = State.BETWEEN;
  }

  private void advance(byte b) {
    offset++;
    if (b == '\n') {
      line++;
      column = 1;
    } else {
      column++;
    }
  }

  private static boolean blank(byte b) {
    return b == ' ' || b == '\t' || b == '\r' || b == '\f';
  }

  // ---------------------------------------------------------------- between messages

  private void between(byte b) {
    if (b == '\n') {
      lineStart = true;
    } else if (b == SYNC) {
      sync();
    } else if (blank(b)) {
      return;
    } else if (b == '{' || b == '[') {
      startMessage(Direction.UNKNOWN);
      message(b);
    } else if (lineStart && (b == '-' || b == '<')) {
      startLine(State.ARROW, b);
    } else if (lineStart) {
      startLine(State.TEXT, b);
    } else {
      sink.trailingText(line, column, offset);
      state = State.SKIP_LINE;
    }
  }

  private void sync() {
    seenContent = true;
    sink.syncByte();
    state = State.BETWEEN;
    lineStart = true; // a message may start right after a sync byte
  }

  private void startLine(State next, byte b) {
    state = next;
    textLine = line;
    textColumn = column;
    textOffset = offset;
    headLength = 0;
    head[headLength++] = b;
  }

  private void arrow(byte b) {
    if ((head[0] == '-' && b == '>') || (head[0] == '<' && b == '-')) {
      arrow = head[0] == '-' ? Direction.CLIENT : Direction.SERVER;
      head[headLength++] = b;
      state = State.AFTER_ARROW;
    } else {
      state = State.TEXT;
      text(b);
    }
  }

  private void afterArrow(byte b) {
    if (b == '{' || b == '[') {
      startMessage(arrow);
      message(b);
    } else if (b == SYNC) {
      sink.syncByte();
    } else if (blank(b)) {
      addToHead(b);
    } else {
      state = State.TEXT;
      text(b);
    }
  }

  private void text(byte b) {
    if (b == '\n') {
      endTextLine();
      state = State.BETWEEN;
      lineStart = true;
    } else if (b == SYNC) {
      endTextLine();
      sync();
    } else {
      addToHead(b);
    }
  }

  private void addToHead(byte b) {
    if (headLength < HEAD) {
      head[headLength++] = b;
    }
  }

  private void endTextLine() {
    seenContent = true;
    sink.textLine(textLine, textColumn, textOffset,
        new String(head, 0, headLength, StandardCharsets.ISO_8859_1));
  }

  private void skipLine(byte b) {
    if (b == '\n') {
      state = State.BETWEEN;
      lineStart = true;
    } else if (b == SYNC) {
      sync();
    }
  }

  // ---------------------------------------------------------------- messages

  private void startMessage(Direction direction) {
    if (!seenContent) {
      seenContent = true;
      sink.firstMessage(direction != Direction.UNKNOWN);
    }
    state = State.MESSAGE;
    messageLine = line;
    messageColumn = column;
    messageOffset = offset;
    messageArrow = direction;
    length = 0;
    oversized = false;
    depth = 0;
    quote = 0;
    escape = false;
    previous = ' ';
    lastSignificant = 0;
    lineFirst = 0;
    tokenStart = -1;
    placeholders = new ArrayList<>();
    malformed = "";
    utf8Due = 0;
  }

  private void message(byte b) {
    if (b == SYNC) {
      if (!oversized) {
        malformed("incomplete message, cut off by a 0xFF sync byte at line " + line);
      }
      finishMessage();
      sync();
      return;
    }
    if (!utf8(b)) {
      malformed("invalid UTF-8: byte 0x" + hex(b) + " at line " + line + ", column " + column);
    }
    if (quote != 0) {
      inString(b);
      return;
    }
    if (column == 1) {
      lineFirst = b;
      if (b == '{' && depth > 0 && !expectsValue(lastSignificant)) {
        cutOff();
        startMessage(Direction.UNKNOWN);
      }
    } else if (column == 2 && lineFirst != 0) {
      boolean isArrow = (lineFirst == '-' && b == '>') || (lineFirst == '<' && b == '-');
      lineFirst = 0;
      if (isArrow && depth > 0) {
        length = Math.max(0, length - 1); // the arrow's first byte is no part of the message
        cutOff();
        arrow = b == '>' ? Direction.CLIENT : Direction.SERVER;
        state = State.AFTER_ARROW;
        headLength = 0;
        head[headLength++] = b == '>' ? (byte) '-' : (byte) '<';
        head[headLength++] = b;
        textLine = line;
        textColumn = column - 1;
        textOffset = offset - 1;
        return;
      }
    }
    if (substitutePlaceholders) {
      placeholderToken(b);
    }
    append(b);
    previous = b;
    if (!blank(b) && b != '\n') {
      lastSignificant = b;
    }
    switch (b) {
      case '{', '[' -> depth++;
      case '}', ']' -> {
        depth--;
        if (depth == 0) {
          finishMessage();
          state = State.BETWEEN;
          lineStart = false;
        }
      }
      case '"', '\'' -> quote = b;
      default -> { }
    }
  }

  private void inString(byte b) {
    if (b == '\n') {
      if (!oversized) {
        malformed("unterminated string: line " + line + " ends inside a string");
      }
      finishMessage();
      state = State.BETWEEN;
      lineStart = true;
      return;
    }
    append(b);
    if (escape) {
      escape = false;
    } else if (b == '\\') {
      escape = true;
    } else if (b == quote) {
      quote = 0;
      previous = b;
      lastSignificant = b;
    } else if ((b & 0xFF) < 0x20) {
      malformed("control character 0x" + hex(b) + " in a string at line " + line + ", column "
          + column);
    }
  }

  /** Whether {@code b} continues valid UTF-8 (checked like QEMU's and Jackson's decoders). */
  private boolean utf8(byte b) {
    int v = b & 0xFF;
    if (utf8Due > 0) {
      if (v < utf8Low || v > utf8High) {
        utf8Due = 0;
        return false;
      }
      utf8Due--;
      utf8Low = 0x80;
      utf8High = 0xBF;
      return true;
    }
    if (v < 0x80) {
      return true;
    }
    if (v >= 0xC2 && v <= 0xDF) {
      utf8Due = 1;
    } else if (v >= 0xE0 && v <= 0xEF) {
      utf8Due = 2;
      utf8Low = v == 0xE0 ? 0xA0 : 0x80;
      utf8High = v == 0xED ? 0x9F : 0xBF;
    } else if (v >= 0xF0 && v <= 0xF4) {
      utf8Due = 3;
      utf8Low = v == 0xF0 ? 0x90 : 0x80;
      utf8High = v == 0xF4 ? 0x8F : 0xBF;
    } else {
      return false;
    }
    return true;
  }

  private static String hex(byte b) {
    return String.format("%02x", b & 0xFF);
  }

  /**
   * Whether JSON expects a value after {@code b}: then a <code>&#123;</code> in the first column
   * continues the message (a list printed one element a line, as {@code qemu-img map} does) rather than
   * cutting it off.
   */
  private static boolean expectsValue(byte b) {
    return b == ',' || b == '[' || b == ':';
  }

  /** Remembers the first reason the message is malformed (later ones follow from it). */
  private void malformed(String reason) {
    if (malformed.isEmpty()) {
      malformed = reason;
    }
  }

  /** Ends the open message because a new one starts at the current line. */
  private void cutOff() {
    malformed("incomplete message, cut off by a new message at line " + line + " (" + depth
        + " bracket" + (depth == 1 ? "" : "s") + " still open)");
    finishMessage();
  }

  private void append(byte b) {
    if (oversized) {
      return;
    }
    if (length >= maxMessageBytes) {
      oversized = true;
      tokenStart = -1;
      return;
    }
    if (length == buffer.length) {
      buffer = Arrays.copyOf(buffer, (int) Math.min(maxMessageBytes, 2L * buffer.length));
    }
    buffer[length++] = b;
  }

  private static boolean wordByte(byte b) {
    return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '_'
        || b == '(' || b == ')';
  }

  /** Tracks bare words outside strings, and replaces the iotests placeholders among them. */
  private void placeholderToken(byte b) {
    boolean word = wordByte(b);
    if (tokenStart >= 0) {
      if (!word) {
        endToken();
      }
      return;
    }
    boolean startsWord = (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || b == '(';
    boolean afterNumber = wordByte(previous) || previous == '.' || previous == '-'
        || previous == '+';
    if (startsWord && !afterNumber && !oversized) {
      tokenStart = length;
    }
  }

  private void endToken() {
    int start = tokenStart;
    tokenStart = -1;
    if (oversized || start < 0 || start > length) {
      return;
    }
    String word = new String(buffer, start, length - start, StandardCharsets.ISO_8859_1);
    byte[] substitute = Placeholders.substitute(word);
    if (substitute == null) {
      return;
    }
    length = start;
    for (byte s : substitute) {
      append(s);
    }
    if (placeholders.size() < 64) {
      placeholders.add(word);
    }
  }

  private void finishMessage() {
    if (oversized) {
      sink.unparsed(messageLine, messageColumn, messageOffset, "message larger than "
          + maxMessageBytes + " bytes (QEMU's limit is 64 MiB): skipped");
    } else if (!malformed.isEmpty()) {
      sink.unparsed(messageLine, messageColumn, messageOffset, malformed);
    } else {
      sink.message(Arrays.copyOf(buffer, length), messageLine, messageColumn, messageOffset,
          messageArrow, placeholders);
    }
    if (buffer.length > KEPT_BUFFER) {
      buffer = new byte[INITIAL_BUFFER];
    }
    length = 0;
    state = State.BETWEEN;
  }
}
