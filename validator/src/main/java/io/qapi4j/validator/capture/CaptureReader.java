package io.qapi4j.validator.capture;

import java.io.Closeable;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads a capture of QMP or QGA traffic one item at a time, in one pass with bounded memory: each
 * {@link CapturedMessage} (a JSON value with its position and direction), each piece of malformed
 * input ({@link Unparsed}, reported with its position and reason and skipped; reading resumes at
 * the next place a message can start) and each iotests greeting placeholder ({@link
 * FilteredGreeting}).
 *
 * <p>It reads, without being told which: JSON lines; JSON values one after another with any
 * whitespace, pretty-printed over many lines (socat dumps, libvirt {@code .replies}); {@code -> }
 * / {@code <- } transcripts (QEMU's documentation, qmp-shell; a message may continue over several
 * lines; the arrow gives the direction); QGA streams with 0xFF sync bytes (a 0xFF resets the
 * lexer, as in QEMU: no error); QEMU's input dialect with single-quoted strings; and QEMU iotests
 * logs. The {@link #format()} is detected from the first line that is not blank and the first
 * chunk (see {@link CaptureFormat}).
 *
 * <p><b>Log text.</b> A line whose first non-blank byte is not <code>&#123;</code>, {@code [},
 * 0xFF or an arrow followed by one of those, and that is not inside a message, is log text: it is
 * skipped and counted ({@link #textLines()}), never reported. In log formats, JSON values without a QMP
 * envelope and without an arrow are log output too ({@link #otherValues()}).
 *
 * <p><b>Malformed input.</b> See {@link MessageFramer} for where a broken message ends: a line
 * break inside a string, a new message starting in the first column of a line while brackets are
 * open, a 0xFF byte, the size limit ({@value #DEFAULT_MAX_MESSAGE_BYTES} bytes, QEMU's token
 * limit, by default). Invalid UTF-8, NUL and other control characters, hostile nesting and huge
 * input give an {@link Unparsed} item with a position, never an exception (other than the
 * stream's own {@link IOException}s).
 *
 * <pre>{@code
 * try (CaptureReader reader = CaptureReader.open(Path.of("caps.replies"))) {
 *   for (CaptureItem item = reader.next(); item != null; item = reader.next()) {
 *     if (item instanceof CapturedMessage m) {
 *       System.out.println(m.line() + " " + m.direction().arrow() + " " + m.envelope().name());
 *     }
 *   }
 * }
 * }</pre>
 */
public final class CaptureReader implements Closeable {

  /** QEMU's limit on a JSON token, and so on a message: 64 MiB. */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 << 20;

  private static final int CHUNK = 16 << 10;

  private final InputStream in;
  private final String source;
  private final MessageFramer framer;
  private final ItemCollector collector;
  private final ArrayDeque<CaptureItem> ready = new ArrayDeque<>();
  private final byte[] chunk = new byte[CHUNK];
  private boolean sniffed;
  private boolean ended;

  private CaptureReader(Builder b) {
    this.in = b.follow ? new FollowingInputStream(b.in, b.pollMillis) : b.in;
    this.source = b.source;
    this.collector = ItemCollector.ofCapture(source, ready::add);
    this.framer = new MessageFramer(collector, b.maxMessageBytes);
    collector.framer(framer);
  }

  /** A reader of the file {@code file}, named as given. */
  public static CaptureReader open(Path file) throws IOException {
    return of(new FileInputStream(file.toFile()), file.toString());
  }

  /** A reader of {@code in} (closed with the reader), named {@code source} in positions. */
  public static CaptureReader of(InputStream in, String source) {
    return builder(in, source).build();
  }

  /** A builder for a reader of {@code in}, named {@code source}. */
  public static Builder builder(InputStream in, String source) {
    return new Builder(in, source);
  }

  /** Configures a {@link CaptureReader}. */
  public static final class Builder {
    private final InputStream in;
    private final String source;
    private int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
    private boolean follow;
    private long pollMillis = 200;

    private Builder(InputStream in, String source) {
      this.in = Objects.requireNonNull(in, "in");
      this.source = Objects.requireNonNull(source, "source");
    }

    /** The largest message held; larger ones are skipped and reported. */
    public Builder maxMessageBytes(int max) {
      if (max < 2) {
        throw new IllegalArgumentException("maxMessageBytes must be at least 2, not " + max);
      }
      this.maxMessageBytes = max;
      return this;
    }

    /**
     * Keep reading at the end of the input, as {@code tail -f} does, until the reading thread is
     * interrupted. {@code in} must not be an interruptible channel stream (use a {@link
     * FileInputStream}).
     */
    public Builder follow(boolean follow) {
      this.follow = follow;
      return this;
    }

    /** How long to wait at the end of a followed input before reading again (default 200 ms). */
    public Builder pollMillis(long millis) {
      this.pollMillis = Math.max(1, millis);
      return this;
    }

    /** The reader. */
    public CaptureReader build() {
      return new CaptureReader(this);
    }
  }

  /**
   * The next item, or {@code null} at the end of the capture (for a followed input: once the
   * reading thread has been interrupted).
   */
  public @Nullable CaptureItem next() throws IOException {
    while (ready.isEmpty() && !ended) {
      int n = in.read(chunk, 0, chunk.length);
      if (!sniffed) {
        sniffed = true;
        collector.sniff(FormatDetector.sniffing(chunk, Math.max(0, n)));
      }
      if (n < 0) {
        ended = true;
        framer.end();
      } else {
        framer.feed(chunk, 0, n);
      }
    }
    return ready.poll();
  }

  /** The capture's name. */
  public String source() {
    return source;
  }

  /** The format detected so far ({@link CaptureFormat#EMPTY} before the first non-blank line). */
  public CaptureFormat format() {
    return collector.format();
  }

  /** Bytes read so far. */
  public long bytesRead() {
    return framer.offset();
  }

  /** Messages yielded so far. */
  public long messages() {
    return collector.messages();
  }

  /** Lines of log text skipped so far. */
  public long textLines() {
    return collector.textLines();
  }

  /** JSON values skipped as log output so far (log formats only). */
  public long otherValues() {
    return collector.otherValues();
  }

  /** 0xFF sync bytes seen so far. */
  public long syncBytes() {
    return collector.syncBytes();
  }

  /** iotests placeholders replaced so far. */
  public long placeholders() {
    return collector.placeholders();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
