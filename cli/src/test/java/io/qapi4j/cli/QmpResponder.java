package io.qapi4j.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A stand-in for QEMU's monitor on a Unix socket, for proxy tests without QEMU: it serves one
 * client — writes a greeting (if any), then answers each line the client sends with what {@code
 * answer} returns for it (nothing for {@code null}), each reply ended by CRLF as QEMU does — and
 * keeps every byte it sent. Bytes are read and written as Latin-1 characters, so that a 0xFF byte
 * (a guest agent's sync byte) is {@code '\u00ff'}.
 */
final class QmpResponder implements AutoCloseable {

  static final String GREETING = "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 0, \"minor\": 2,"
      + " \"major\": 7}, \"package\": \"\"}, \"capabilities\": []}}";

  private final ServerSocketChannel server;
  private final Thread thread;
  private final ByteArrayOutputStream sent = new ByteArrayOutputStream();

  /**
   * Listens on {@code socket}; {@code afterLast} says what to do once the client's stream ends:
   * close (as QEMU does), or stay connected and silent (a server that ignores the end).
   */
  QmpResponder(Path socket, @Nullable String greeting, Function<String, @Nullable String> answer,
      boolean closeAtEnd) {
    try {
      server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      server.bind(UnixDomainSocketAddress.of(socket));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    thread = new Thread(() -> serve(greeting, answer, closeAtEnd), "qmp responder");
    thread.setDaemon(true);
    thread.start();
  }

  private void serve(@Nullable String greeting, Function<String, @Nullable String> answer,
      boolean closeAtEnd) {
    try (SocketChannel client = server.accept()) {
      if (greeting != null) {
        write(client, greeting);
      }
      for (String line = readLine(client); line != null; line = readLine(client)) {
        String reply = answer.apply(line);
        if (reply != null) {
          write(client, reply);
        }
      }
      if (!closeAtEnd) {
        Thread.sleep(60_000);
      }
    } catch (IOException | InterruptedException e) {
      // the test is over, or the proxy closed the connection
    }
  }

  private void write(SocketChannel c, String message) throws IOException {
    byte[] bytes = (message + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    synchronized (sent) {
      sent.writeBytes(bytes);
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    while (b.hasRemaining()) {
      c.write(b);
    }
  }

  private static @Nullable String readLine(SocketChannel c) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    ByteBuffer one = ByteBuffer.allocate(1);
    while (c.read(one.clear()) > 0) {
      if (one.get(0) == '\n') {
        return line.toString(StandardCharsets.ISO_8859_1);
      }
      line.write(one.get(0));
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }

  /** Every byte sent to the client so far. */
  byte[] sent() {
    synchronized (sent) {
      return sent.toByteArray();
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // nothing to do
    }
    thread.interrupt();
  }
}
