package io.qapi4j.validator.capture;

import io.qapi4j.validator.Direction;
import io.qapi4j.validator.MessageKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Turns what a {@link MessageFramer} finds into {@link CaptureItem}s and counts the rest: the
 * framing sink of a {@link CaptureReader} (format detected from the capture), and of each
 * direction of a {@link SessionValidator} (a live stream: the direction is known, and a line of
 * text is malformed input, not log text).
 */
final class ItemCollector implements MessageFramer.Sink {

  /** Numbers messages; shared by the collectors of one capture or session. */
  static final class Counter {
    private long next;

    long next() {
      return next++;
    }

    long count() {
      return next;
    }
  }

  private final String source;
  private final Consumer<CaptureItem> out;
  private final Counter messages;
  private final @Nullable Direction stream;
  private @Nullable MessageFramer framer;
  private @Nullable FormatDetector detector;
  private CaptureFormat format;
  private boolean lastWasLogOutput;
  private long textLines;
  private long otherValues;
  private long syncBytes;
  private long placeholders;

  private ItemCollector(String source, Consumer<CaptureItem> out, Counter messages,
      @Nullable Direction stream, CaptureFormat format) {
    this.source = source;
    this.out = out;
    this.messages = messages;
    this.stream = stream;
    this.format = format;
  }

  /** The collector of a capture file, whose format is detected as it is read. */
  static ItemCollector ofCapture(String source, Consumer<CaptureItem> out) {
    return new ItemCollector(source, out, new Counter(), null, CaptureFormat.EMPTY);
  }

  /**
   * The collector of what one side of a live session sends: every message travels {@code
   * direction}, numbered by the session's {@code messages}.
   */
  static ItemCollector ofStream(String source, Direction direction, Counter messages,
      Consumer<CaptureItem> out) {
    return new ItemCollector(source, out, messages, direction, CaptureFormat.TRANSCRIPT);
  }

  /** The framer that feeds this collector (placeholders are switched on it when detected). */
  void framer(MessageFramer framer) {
    this.framer = framer;
  }

  /** The format detection's view of the first chunk (a capture's first read). */
  void sniff(FormatDetector detector) {
    this.detector = detector;
  }

  CaptureFormat format() {
    return format;
  }

  long messages() {
    return messages.count();
  }

  long textLines() {
    return textLines;
  }

  long otherValues() {
    return otherValues;
  }

  long syncBytes() {
    return syncBytes;
  }

  long placeholders() {
    return placeholders;
  }

  private void detected(java.util.function.Function<FormatDetector, CaptureFormat> how) {
    if (format == CaptureFormat.EMPTY) {
      format = how.apply(Objects.requireNonNull(detector, "the detector sniffs the first chunk"));
      if (framer != null) {
        framer.substitutePlaceholders(format == CaptureFormat.IOTESTS_LOG);
      }
    }
  }

  private static boolean isFilteredGreeting(byte[] json) {
    String text = new String(json, StandardCharsets.ISO_8859_1).replaceAll("\\s+", "");
    return text.equals("{" + Placeholders.GREETING + "}");
  }

  @Override
  public void message(byte[] json, long line, int column, long offset, Direction arrow,
      List<String> replaced) {
    lastWasLogOutput = false;
    if (format == CaptureFormat.IOTESTS_LOG && json.length < 64 && isFilteredGreeting(json)) {
      out.accept(new FilteredGreeting(source, line, column, offset));
      return;
    }
    EnvelopeParser.Peeked peeked = EnvelopeParser.peek(json, line, column);
    Envelope envelope = peeked.envelope();
    if (envelope == null) {
      out.accept(new Unparsed(source, line, column, offset, String.valueOf(peeked.error())));
      return;
    }
    lastWasLogOutput = envelope.kind() == MessageKind.UNKNOWN && arrow == Direction.UNKNOWN
        && format.isLog();
    if (lastWasLogOutput) {
      otherValues++;
      return;
    }
    Direction known = stream != null ? stream : arrow;
    boolean hasArrow = known != Direction.UNKNOWN;
    out.accept(new CapturedMessage(source, messages.next(), line, column, offset,
        hasArrow ? known : envelope.impliedDirection(), hasArrow, envelope, json, replaced));
    placeholders += replaced.size();
  }

  @Override
  public void unparsed(long line, int column, long offset, String reason) {
    lastWasLogOutput = false;
    out.accept(new Unparsed(source, line, column, offset, reason));
  }

  @Override
  public void trailingText(long line, int column, long offset) {
    if (lastWasLogOutput) {
      // Something like "[0]:" in qemu-img's output: the line was text all along.
      otherValues--;
      textLines++;
    } else {
      out.accept(new Unparsed(source, line, column, offset, "unexpected text after a message"));
    }
  }

  @Override
  public void textLine(long line, int column, long offset, String head) {
    if (stream != null) {
      // A live peer sends JSON only: what is no message is malformed input.
      out.accept(new Unparsed(source, line, column, offset, "not a JSON object or array: "
          + head.strip()));
      return;
    }
    detected(d -> d.ofTextLine(head));
    if (format == CaptureFormat.IOTESTS_LOG && head.strip().equals(Placeholders.GREETING)) {
      out.accept(new FilteredGreeting(source, line, column, offset));
    } else {
      textLines++;
    }
  }

  @Override
  public void syncByte() {
    if (stream == null) {
      detected(FormatDetector::ofSyncByte);
    }
    syncBytes++;
  }

  @Override
  public void firstMessage(boolean arrow) {
    if (stream == null) {
      detected(d -> d.ofMessageLine(arrow));
    }
  }
}
