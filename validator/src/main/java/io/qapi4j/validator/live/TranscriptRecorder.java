package io.qapi4j.validator.live;

import io.qapi4j.validator.Direction;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a QMP session as a transcript, one line per message in the order the messages were
 * complete on the wire: {@code -> } and what the client sent, {@code <- } and what the server sent,
 * byte for byte, without the line terminator ({@code \n}, or QEMU's {@code \r\n}). Each direction
 * is cut into lines on its own, so a message split over many chunks is still one line; blank lines
 * carry no message and are left out. A line still open when the recorder is closed is written as
 * it is.
 *
 * <pre>
 * &lt;- {"QMP": {"version": {"qemu": {"micro": 22, "minor": 2, "major": 7}, ...
 * -> {"execute":"qmp_capabilities","id":1}
 * &lt;- {"return": {}, "id": 1}
 * </pre>
 */
public final class TranscriptRecorder extends Recorder {

  private static final byte[] CLIENT_ARROW = "-> ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SERVER_ARROW = "<- ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NEWLINE = {'\n'};

  private final ByteArrayOutputStream clientLine = new ByteArrayOutputStream();
  private final ByteArrayOutputStream serverLine = new ByteArrayOutputStream();

  private TranscriptRecorder(OutputStream out, String name) {
    super(out, name);
  }

  /** Records into {@code file}, replacing it (its folder is created if needed). */
  public static TranscriptRecorder open(Path file) {
    return new TranscriptRecorder(openFile(file), file.toString());
  }

  /** Records into {@code out}, which closing the recorder closes. */
  public static TranscriptRecorder to(OutputStream out) {
    return new TranscriptRecorder(out, out.toString());
  }

  @Override
  public synchronized void onBytes(Direction direction, byte[] bytes) {
    if (isClosed()) {
      return;
    }
    boolean client = direction == Direction.CLIENT;
    ByteArrayOutputStream line = client ? clientLine : serverLine;
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line.write(bytes, start, i - start);
        writeLine(client, line);
        start = i + 1;
      }
    }
    line.write(bytes, start, bytes.length - start);
  }

  private void writeLine(boolean client, ByteArrayOutputStream line) {
    byte[] bytes = line.toByteArray();
    line.reset();
    int n = bytes.length;
    if (n > 0 && bytes[n - 1] == '\r') {
      n--;
    }
    if (n == 0) {
      return;
    }
    byte[] arrow = client ? CLIENT_ARROW : SERVER_ARROW;
    write(arrow, 0, arrow.length);
    write(bytes, 0, n);
    write(NEWLINE, 0, 1);
  }

  /** Writes the lines still open, the client's first. */
  @Override
  void finish() {
    writeLine(true, clientLine);
    writeLine(false, serverLine);
  }
}
