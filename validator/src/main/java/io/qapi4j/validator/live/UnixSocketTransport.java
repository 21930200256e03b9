package io.qapi4j.validator.live;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A {@link Transport} over a Unix socket. It reads and writes the channel directly: the streams of
 * {@code Channels.newInputStream} share one lock between reading and writing, so a pending read
 * would block every write.
 */
final class UnixSocketTransport implements Transport {

  private final SocketChannel channel;
  private final String description;

  private UnixSocketTransport(SocketChannel channel, String description) {
    this.channel = channel;
    this.description = description;
  }

  /**
   * Connects within {@code timeout}. The connect is non-blocking: a blocking one would wait for
   * ever on a server whose listen backlog is full; this one retries until the timeout instead.
   */
  static UnixSocketTransport connect(Path socket, Duration timeout) {
    String description = "unix:" + socket;
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      SocketChannel channel = null;
      try {
        channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.configureBlocking(false);
        // A Unix socket connects at once, or fails; it is never "in progress".
        if (!channel.connect(UnixDomainSocketAddress.of(socket)) && !channel.finishConnect()) {
          throw new IOException("connection in progress");
        }
        channel.configureBlocking(true);
        return new UnixSocketTransport(channel, description);
      } catch (IOException | RuntimeException e) {
        QuietClose.close(channel);
        boolean busy = String.valueOf(e.getMessage()).contains("temporarily unavailable");
        if (!busy) {
          throw new LiveException("cannot connect to " + description + ": " + e.getMessage(), e);
        }
        if (System.nanoTime() > deadline) {
          throw new LiveException("cannot connect to " + description + " within "
              + timeout.toMillis() + " ms: the server accepts no more connections", e);
        }
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LiveException("interrupted while connecting to " + description, e);
      }
    }
  }

  @Override
  public int read(byte[] buffer) throws IOException {
    return channel.read(ByteBuffer.wrap(buffer));
  }

  @Override
  public void write(byte[] bytes) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    while (b.hasRemaining()) {
      channel.write(b);
    }
  }

  @Override
  public void close() {
    QuietClose.close(channel);
  }

  @Override
  public String description() {
    return description;
  }
}
