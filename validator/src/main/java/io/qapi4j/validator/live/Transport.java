package io.qapi4j.validator.live;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A byte pipe to a QMP or QGA server: a Unix socket, or any input/output stream pair such as a
 * child process's stdout and stdin. One thread reads while another writes.
 */
public interface Transport extends AutoCloseable {

  /**
   * Reads what the server sent into {@code buffer}, blocking until some bytes arrive.
   *
   * @return how many bytes were read, or -1 at the end of the stream
   */
  int read(byte[] buffer) throws IOException;

  /** Writes all of {@code bytes} to the server. */
  void write(byte[] bytes) throws IOException;

  /** Closes the pipe; a blocked {@link #read} returns or fails. Never throws. */
  @Override
  void close();

  /** What this pipe is connected to, for messages ({@code unix:/tmp/x/qmp.sock}). */
  String description();

  /**
   * Connects to the Unix socket {@code socket}, waiting up to 10 s while the server accepts no
   * more connections.
   *
   * @throws LiveException if nothing listens there, or the server stays busy
   */
  static Transport unixSocket(Path socket) {
    return unixSocket(socket, Duration.ofSeconds(10));
  }

  /**
   * Connects to the Unix socket {@code socket}, waiting up to {@code timeout} while the server
   * accepts no more connections (its listen backlog is full).
   *
   * @throws LiveException if nothing listens there, or the server stays busy
   */
  static Transport unixSocket(Path socket, Duration timeout) {
    return UnixSocketTransport.connect(socket, timeout);
  }

  /**
   * A pipe reading {@code in} and writing {@code out}; closing it closes both.
   *
   * @param description what the streams are connected to, for messages
   */
  static Transport of(InputStream in, OutputStream out, String description) {
    return new StreamTransport(in, out, description);
  }
}
