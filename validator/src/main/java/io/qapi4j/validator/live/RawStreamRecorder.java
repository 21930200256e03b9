package io.qapi4j.validator.live;

import io.qapi4j.validator.Direction;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Writes every byte of a connection, both directions interleaved in the order they crossed the
 * wire, with nothing added — the raw form of a QGA capture, where the 0xFF sync bytes stay
 * exactly where they were sent and received.
 */
public final class RawStreamRecorder extends Recorder {

  private RawStreamRecorder(OutputStream out, String name) {
    super(out, name);
  }

  /** Records into {@code file}, replacing it (its folder is created if needed). */
  public static RawStreamRecorder open(Path file) {
    return new RawStreamRecorder(openFile(file), file.toString());
  }

  /** Records into {@code out}, which closing the recorder closes. */
  public static RawStreamRecorder to(OutputStream out) {
    return new RawStreamRecorder(out, out.toString());
  }

  @Override
  public synchronized void onBytes(Direction direction, byte[] bytes) {
    if (!isClosed()) {
      write(bytes, 0, bytes.length);
    }
  }
}
