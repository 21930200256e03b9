package io.qapi4j.validator.live;

import java.util.Arrays;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Cuts a server's byte stream into messages as QEMU frames them: one JSON text per line, ended by
 * {@code \n} with an optional {@code \r} before it (QEMU's monitor writes CRLF, qemu-ga LF). A
 * 0xFF byte — qemu-ga's sentinel before a {@code guest-sync-delimited} reply — ends any partial
 * line, as it resets a client's lexer, and marks the next message. Blank lines are skipped. Bytes
 * may arrive in chunks cut anywhere; memory is bounded by the longest message allowed.
 */
final class LineFramer {

  /** Longest message kept: QEMU's own token limit (64 MiB). */
  static final int DEFAULT_MAX_MESSAGE = 64 << 20;

  private static final byte SENTINEL = (byte) 0xFF;

  /**
   * One framed message.
   *
   * @param bytes the line without its terminator (empty when it was too long to keep)
   * @param afterSentinel whether a 0xFF byte came before it
   * @param problem why the line is incomplete, or {@code null} when it ended normally
   */
  record Frame(byte[] bytes, boolean afterSentinel, @Nullable String problem) {}

  private final int maxMessage;
  private byte[] line = new byte[256];
  private int length;
  private boolean sentinelSeen;
  private long skipped;

  LineFramer() {
    this(DEFAULT_MAX_MESSAGE);
  }

  LineFramer(int maxMessage) {
    this.maxMessage = maxMessage;
  }

  /** Frames {@code len} bytes of {@code chunk} from {@code off}, handing out every complete line. */
  void feed(byte[] chunk, int off, int len, Consumer<Frame> out) {
    int end = off + len;
    int start = off;
    for (int i = off; i < end; i++) {
      byte b = chunk[i];
      if (b != '\n' && b != SENTINEL) {
        continue;
      }
      append(chunk, start, i - start);
      start = i + 1;
      if (b == '\n') {
        endLine(out, null);
      } else {
        endLine(out, "cut short by a 0xFF byte");
        sentinelSeen = true;
      }
    }
    append(chunk, start, end - start);
  }

  /** The stream ended: hands out a partial last line, if any. */
  void finish(Consumer<Frame> out) {
    endLine(out, "the stream ended before the end of the line");
  }

  private void append(byte[] chunk, int from, int count) {
    if (count == 0) {
      return;
    }
    if (skipped > 0 || (long) length + count > maxMessage) {
      skipped += length + count;
      length = 0;
      return;
    }
    if (length + count > line.length) {
      line = Arrays.copyOf(line, Math.max(length + count, Math.min(maxMessage, line.length * 2)));
    }
    System.arraycopy(chunk, from, line, length, count);
    length += count;
  }

  /** Ends the current line; {@code problem} says why if it was not ended by a newline. */
  private void endLine(Consumer<Frame> out, @Nullable String problem) {
    if (skipped > 0) {
      out.accept(new Frame(new byte[0], takeSentinel(),
          "message of " + skipped + " bytes is longer than " + maxMessage + " bytes; skipped"));
      skipped = 0;
      return;
    }
    int n = length;
    if (problem == null && n > 0 && line[n - 1] == '\r') {
      n--;
    }
    length = 0;
    if (isBlank(line, n)) {
      return;
    }
    out.accept(new Frame(Arrays.copyOf(line, n), takeSentinel(), problem));
  }

  private boolean takeSentinel() {
    boolean seen = sentinelSeen;
    sentinelSeen = false;
    return seen;
  }

  private static boolean isBlank(byte[] bytes, int n) {
    for (int i = 0; i < n; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }
}
