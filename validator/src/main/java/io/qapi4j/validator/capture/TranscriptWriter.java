package io.qapi4j.validator.capture;

import io.qapi4j.validator.Direction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;

/**
 * Writes a live session's transcript in the order of {@link TranscriptLines}: {@code -> } or
 * {@code <- } and each line as it crossed the wire, without its line terminator ({@code \n}, or
 * {@code \r\n}) — or three spaces in place of the arrow when the line continues an open message,
 * so that a {@link CaptureReader} reads that message whole. The oldest open line is written
 * through as its bytes come; a line that starts later waits in memory until the lines before it
 * are complete (bounded by {@link TranscriptLines#MAX_WAITING}).
 */
final class TranscriptWriter {

  private static final byte[] CLIENT_ARROW = "-> ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SERVER_ARROW = "<- ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] INDENT = "   ".getBytes(StandardCharsets.US_ASCII);

  /** One direction's open line. */
  private static final class Line {
    long number;
    boolean open;
    /** Bytes not written yet: the whole line while it waits, else a held-back {@code \r}. */
    final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  }

  private final OutputStream out;
  private final String name;
  private final Line client = new Line();
  private final Line server = new Line();
  private final TreeMap<Long, byte[]> complete = new TreeMap<>();
  private long nextToWrite = 1;

  /** Writes into {@code out}, named {@code name} in error messages. */
  TranscriptWriter(OutputStream out, String name) {
    this.out = out;
    this.name = name;
  }

  private Line line(Direction direction) {
    return direction == Direction.CLIENT ? client : server;
  }

  /** A line starts: with {@code direction}'s arrow, or indented when it continues a message. */
  void lineStarted(Direction direction, long number, boolean continuesMessage) {
    Line line = line(direction);
    line.number = number;
    line.open = true;
    line.pending.reset();
    byte[] prefix = continuesMessage ? INDENT
        : direction == Direction.CLIENT ? CLIENT_ARROW : SERVER_ARROW;
    line.pending.write(prefix, 0, prefix.length);
    if (number == nextToWrite) {
      writePending(line);
    }
  }

  /** Bytes of the open line of {@code direction}. */
  void bytes(Direction direction, byte[] chunk, int offset, int length) {
    Line line = line(direction);
    if (line.number != nextToWrite) {
      line.pending.write(chunk, offset, length);
      return;
    }
    byte[] held = line.pending.toByteArray(); // a \r that turned out to be no terminator
    line.pending.reset();
    write(held, 0, held.length);
    int n = length;
    if (chunk[offset + length - 1] == '\r') {
      n--; // held back: a line terminator if the line ends next
      line.pending.write('\r');
    }
    write(chunk, offset, n);
  }

  /** The open line of {@code direction} ends. */
  void lineEnded(Direction direction) {
    Line line = line(direction);
    line.open = false;
    byte[] text = line.pending.toByteArray();
    line.pending.reset();
    int n = text.length > 0 && text[text.length - 1] == '\r' ? text.length - 1 : text.length;
    if (line.number != nextToWrite) {
      byte[] whole = new byte[n + 1];
      System.arraycopy(text, 0, whole, 0, n);
      whole[n] = '\n';
      complete.put(line.number, whole);
      return;
    }
    write(text, 0, n);
    write(new byte[] {'\n'}, 0, 1);
    nextToWrite++;
    while (!complete.isEmpty() && complete.firstKey() == nextToWrite) {
      byte[] whole = complete.pollFirstEntry().getValue();
      write(whole, 0, whole.length);
      nextToWrite++;
    }
    for (Line other : new Line[] {client, server}) {
      if (other.open && other.number == nextToWrite) {
        writePending(other);
      }
    }
  }

  /** Writes what {@code line} holds, keeping a trailing {@code \r} back. */
  private void writePending(Line line) {
    byte[] text = line.pending.toByteArray();
    line.pending.reset();
    int n = text.length;
    if (n > 0 && text[n - 1] == '\r') {
      n--;
      line.pending.write('\r');
    }
    write(text, 0, n);
  }

  /** Writes what is buffered to the stream. */
  void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw failure(e);
    }
  }

  private void write(byte[] bytes, int offset, int length) {
    if (length == 0) {
      return;
    }
    try {
      out.write(bytes, offset, length);
    } catch (IOException e) {
      throw failure(e);
    }
  }

  private UncheckedIOException failure(IOException e) {
    return new UncheckedIOException("cannot record into " + name + ": " + e.getMessage(), e);
  }
}
