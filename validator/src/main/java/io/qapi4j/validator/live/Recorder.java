package io.qapi4j.validator.live;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A {@link WireTap} that writes a capture: a {@link TranscriptRecorder} (QMP transcripts) or a
 * {@link RawStreamRecorder} (raw QGA streams). A recorder outlives the connections it taps —
 * {@link #onClose()} does nothing — and its file is complete once it is closed. It is safe to use
 * from several threads; I/O failures are {@link UncheckedIOException}s that name the file.
 */
public abstract sealed class Recorder implements WireTap, AutoCloseable
    permits RawStreamRecorder, TranscriptRecorder {

  private final OutputStream out;
  private final String name;
  private boolean closed;

  Recorder(OutputStream out, String name) {
    this.out = out;
    this.name = name;
  }

  /** {@code file} opened for writing, replaced; its folder is created if needed. */
  static OutputStream openFile(Path file) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      return new BufferedOutputStream(Files.newOutputStream(file));
    } catch (IOException e) {
      throw failure(file.toString(), e);
    }
  }

  final boolean isClosed() {
    return closed;
  }

  final void write(byte[] bytes, int off, int len) {
    try {
      out.write(bytes, off, len);
    } catch (IOException e) {
      throw failure(name, e);
    }
  }

  /** Writes what is still pending before the recording ends (nothing by default). */
  void finish() {}

  /** Flushes what was recorded so far to the file. */
  public final synchronized void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw failure(name, e);
    }
  }

  /** Does nothing: the recorder outlives a connection; {@link #close()} ends the recording. */
  @Override
  public final void onClose() {}

  /** Ends the recording. */
  @Override
  public final synchronized void close() {
    if (closed) {
      return;
    }
    finish();
    closed = true;
    try {
      out.close();
    } catch (IOException e) {
      throw failure(name, e);
    }
  }

  private static UncheckedIOException failure(String name, IOException e) {
    return new UncheckedIOException("cannot record into " + name + ": " + e.getMessage(), e);
  }
}
