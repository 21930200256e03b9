package io.qapi4j.validator.capture;

import io.qapi4j.validator.Direction;
import java.util.List;

/**
 * Tells a capture's {@link CaptureFormat} from its first line that is not blank and its first
 * chunk of bytes: an iotests log starts with {@code QA output created by}; a transcript has
 * arrows in its first chunk; a capture that has lines of log text there is a log (a test that
 * prints its QMP traffic among other output); anything else is JSON.
 */
final class FormatDetector {

  /** The first line of every QEMU iotests reference output written by the bash tests. */
  static final String IOTESTS_HEADER = "QA output created by ";

  private final boolean textInFirstChunk;
  private final boolean arrowsInFirstChunk;

  private FormatDetector(boolean textInFirstChunk, boolean arrowsInFirstChunk) {
    this.textInFirstChunk = textInFirstChunk;
    this.arrowsInFirstChunk = arrowsInFirstChunk;
  }

  /** A detector that has looked at the capture's first {@code count} bytes. */
  static FormatDetector sniffing(byte[] chunk, int count) {
    boolean[] text = {false};
    boolean[] arrows = {false};
    MessageFramer framer = new MessageFramer(new MessageFramer.Sink() {
      @Override
      public void message(byte[] json, long line, int column, long offset, Direction arrow,
          List<String> placeholders) {
        arrows[0] |= arrow != Direction.UNKNOWN;
      }

      @Override
      public void unparsed(long line, int column, long offset, String reason) {}

      @Override
      public void trailingText(long line, int column, long offset) {}

      @Override
      public void textLine(long line, int column, long offset, String head) {
        text[0] = true;
      }

      @Override
      public void syncByte() {}

      @Override
      public void firstMessage(boolean arrow) {}
    }, Math.max(2, count));
    framer.feed(chunk, 0, count);
    return new FormatDetector(text[0], arrows[0]);
  }

  /** The format of a capture whose first non-blank line is text starting with {@code head}. */
  CaptureFormat ofTextLine(String head) {
    return head.stripLeading().startsWith(IOTESTS_HEADER) ? CaptureFormat.IOTESTS_LOG
        : arrowsInFirstChunk ? CaptureFormat.TRANSCRIPT : CaptureFormat.LOG;
  }

  /** The format of a capture whose first non-blank line starts a message, after an arrow or not. */
  CaptureFormat ofMessageLine(boolean arrow) {
    return arrow || arrowsInFirstChunk ? CaptureFormat.TRANSCRIPT
        : textInFirstChunk ? CaptureFormat.LOG : CaptureFormat.JSON;
  }

  /** The format of a capture that starts with a 0xFF sync byte (after an arrow or not). */
  CaptureFormat ofSyncByte() {
    return arrowsInFirstChunk ? CaptureFormat.TRANSCRIPT : CaptureFormat.JSON;
  }
}
