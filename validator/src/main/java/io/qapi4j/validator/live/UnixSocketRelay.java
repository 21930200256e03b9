package io.qapi4j.validator.live;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Relays sessions between clients and a server over Unix sockets, byte for byte: it listens on
 * one socket, and for every client it accepts connects to the server's socket and copies the
 * bytes both ways unchanged. Every chunk, with its direction, goes to a {@link WireTap} — after it
 * was forwarded and on a thread of its own, so neither framing nor a slow tap delays the traffic;
 * the tap still sees the chunks in the order they crossed the relay.
 *
 * <pre>{@code
 * try (TranscriptRecorder rec = TranscriptRecorder.open(Path.of("session.log"));
 *      UnixSocketRelay relay = UnixSocketRelay.start(Path.of("/tmp/proxy.sock"), qemu.socketPath(), rec)) {
 *   // point the client at /tmp/proxy.sock
 * }
 * }</pre>
 */
public final class UnixSocketRelay implements AutoCloseable {

  /** Makes the tap of each accepted client, numbered from 1. */
  @FunctionalInterface
  public interface TapFactory {
    /** The tap for the {@code connection}th client. */
    WireTap open(int connection);
  }

  private final Path listen;
  private final Path connect;
  private final TapFactory taps;
  private final ServerSocketChannel server;
  private final Thread acceptor;
  private final List<RelayedPair> pairs = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();
  private int accepted;
  private volatile boolean closed;

  private UnixSocketRelay(Path listen, Path connect, TapFactory taps, ServerSocketChannel server) {
    this.listen = listen;
    this.connect = connect;
    this.taps = taps;
    this.server = server;
    this.acceptor = new Thread(this::acceptLoop, "qapi4j-relay-accept " + listen);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Relays with one tap shared by all clients (it gets {@link WireTap#onClose()} per client). */
  public static UnixSocketRelay start(Path listen, Path connect, WireTap tap) {
    return start(listen, connect, connection -> tap);
  }

  /**
   * Starts listening on {@code listen}; each client is connected to {@code connect} when it
   * arrives.
   *
   * @throws LiveException if {@code listen} exists already or cannot be bound
   */
  public static UnixSocketRelay start(Path listen, Path connect, TapFactory taps) {
    if (Files.exists(listen)) {
      throw new LiveException("cannot listen on " + listen + ": the file exists");
    }
    ServerSocketChannel server = null;
    try {
      server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      server.bind(UnixDomainSocketAddress.of(listen));
      return new UnixSocketRelay(listen, connect, taps, server);
    } catch (IOException | RuntimeException e) {
      QuietClose.close(server);
      throw new LiveException("cannot listen on " + listen + ": " + e.getMessage(), e);
    }
  }

  private void acceptLoop() {
    while (!closed) {
      SocketChannel client;
      try {
        client = server.accept();
      } catch (IOException e) {
        if (!closed) {
          fail("accepting a client failed: " + e.getMessage());
        }
        return;
      }
      int index;
      synchronized (this) {
        index = ++accepted;
      }
      SocketChannel upstream = null;
      try {
        upstream = SocketChannel.open(StandardProtocolFamily.UNIX);
        upstream.connect(UnixDomainSocketAddress.of(connect));
      } catch (IOException | RuntimeException e) {
        fail("connection " + index + ": cannot connect to unix:" + connect + ": " + e.getMessage());
        QuietClose.close(upstream);
        QuietClose.close(client);
        continue;
      }
      RelayedPair pair = new RelayedPair(index, client, upstream, taps.open(index), this::fail,
          this::finished);
      synchronized (this) {
        if (closed) {
          pair.close();
        }
        // Listed before it starts, so that it cannot finish before it is listed.
        pairs.add(pair);
      }
      pair.start();
    }
  }

  private synchronized void fail(String message) {
    failures.add(message);
  }

  /** Where clients connect. */
  public Path listenPath() {
    return listen;
  }

  /** The server's socket. */
  public Path connectPath() {
    return connect;
  }

  /** How many clients were accepted so far. */
  public synchronized int accepted() {
    return accepted;
  }

  /** What went wrong so far: servers that could not be reached, taps that failed. */
  public synchronized List<String> failures() {
    return List.copyOf(failures);
  }

  /**
   * Waits up to {@code millis} until every client accepted so far is done and its tap has seen
   * everything (e.g. before reading a recording).
   *
   * @return whether all are done
   */
  public synchronized boolean awaitIdle(long millis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    while (!pairs.isEmpty()) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        return false;
      }
      wait(left);
    }
    return true;
  }

  private synchronized void finished(RelayedPair pair) {
    pairs.remove(pair);
    notifyAll();
  }

  /** Stops accepting, closes every relayed connection and removes the listening socket. */
  @Override
  public void close() {
    List<RelayedPair> snapshot;
    synchronized (this) {
      closed = true;
      snapshot = List.copyOf(pairs);
    }
    QuietClose.close(server);
    for (RelayedPair p : snapshot) {
      p.close();
    }
    try {
      acceptor.join(1000);
      awaitIdle(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      Files.deleteIfExists(listen);
    } catch (IOException ignored) {
      // A leftover socket file is harmless; the next start says the path exists.
    }
  }
}
