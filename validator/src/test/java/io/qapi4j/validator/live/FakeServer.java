package io.qapi4j.validator.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A scripted server on a Unix socket in a temporary folder, for tests of the clients and the relay
 * that need no QEMU: it accepts one client and runs {@code script} with it on a thread.
 */
final class FakeServer implements AutoCloseable {

  /** What the server does with its client. */
  @FunctionalInterface
  interface Script {
    void run(SocketChannel client) throws Exception;
  }

  private final Path directory = ChildProcess.newDirectory("qapi4j-fake-");
  private final Path socket = directory.resolve("server.sock");
  private final ServerSocketChannel server;
  private final Thread thread;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  FakeServer(Script script) {
    try {
      server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      server.bind(UnixDomainSocketAddress.of(socket));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    thread = new Thread(() -> {
      try (SocketChannel client = server.accept()) {
        script.run(client);
      } catch (Throwable t) {
        failure.set(t);
      }
    }, "fake server");
    thread.setDaemon(true);
    thread.start();
  }

  Path socket() {
    return socket;
  }

  /** Waits for the script to end and rethrows what it threw. */
  void await() throws Exception {
    thread.join(10_000);
    Throwable t = failure.get();
    if (t instanceof Exception e) {
      throw e;
    } else if (t != null) {
      throw new AssertionError(t);
    }
  }

  static void write(SocketChannel c, String text) throws IOException {
    write(c, text.getBytes(StandardCharsets.UTF_8));
  }

  static void write(SocketChannel c, byte[] bytes) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    while (b.hasRemaining()) {
      c.write(b);
    }
  }

  /** Reads one line the client sent (without its newline); {@code null} at the end. */
  static String readLine(SocketChannel c) throws IOException {
    StringBuilder line = new StringBuilder();
    ByteBuffer one = ByteBuffer.allocate(1);
    while (true) {
      one.clear();
      if (c.read(one) < 0) {
        return line.length() == 0 ? null : line.toString();
      }
      char ch = (char) (one.get(0) & 0xFF);
      if (ch == '\n') {
        return line.toString();
      }
      line.append(ch);
    }
  }

  @Override
  public void close() {
    QuietClose.close(server);
    thread.interrupt();
    ChildProcess.deleteTree(directory);
  }
}
