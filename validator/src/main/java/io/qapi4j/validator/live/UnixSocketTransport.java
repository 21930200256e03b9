package io.qapi4j.validator.live;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

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

  static UnixSocketTransport connect(Path socket) {
    String description = "unix:" + socket;
    SocketChannel channel = null;
    try {
      channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      channel.connect(UnixDomainSocketAddress.of(socket));
      return new UnixSocketTransport(channel, description);
    } catch (IOException | RuntimeException e) {
      QuietClose.close(channel);
      throw new LiveException("cannot connect to " + description + ": " + e.getMessage(), e);
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
