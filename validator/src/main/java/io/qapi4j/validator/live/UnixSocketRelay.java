package io.qapi4j.validator.live;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Relays sessions between clients and a server over Unix sockets, byte for byte: it listens on
 * one socket, and for every client it accepts connects to the server's socket and copies the
 * bytes both ways unchanged. Every chunk, with its direction, goes to a {@link WireTap} — after it
 * was forwarded and on a thread of its own, so neither framing nor a slow tap delays the traffic;
 * the tap still sees the chunks in the order they crossed the relay, then {@link
 * WireTap#onEnd} for each side that ended its stream and {@link WireTap#onClose()}.
 *
 * <p>When one side ends its stream, the other is told (its socket's output is shut down) and gets
 * {@linkplain Builder#linger the linger time} to end its own; then both are closed, so a peer that
 * ignores the end cannot keep a connection open forever.
 *
 * <pre>{@code
 * try (TranscriptRecorder rec = TranscriptRecorder.open(Path.of("session.log"));
 *      UnixSocketRelay relay = UnixSocketRelay.start(Path.of("/tmp/proxy.sock"), qemu.socketPath(), rec)) {
 *   // point the client at /tmp/proxy.sock
 * }
 * }</pre>
 */
public final class UnixSocketRelay implements AutoCloseable {

  /** How long a side may stay open after the other ended, unless told otherwise. */
  public static final Duration DEFAULT_LINGER = Duration.ofSeconds(10);

  /** The flag of a listening socket in {@code /proc/net/unix}. */
  private static final long ACCEPTING = 0x10000;

  /** Makes the tap of each accepted client, numbered from 1. */
  @FunctionalInterface
  public interface TapFactory {
    /** The tap for the {@code connection}th client. */
    WireTap open(int connection);
  }

  private final Path listen;
  private final Path connect;
  private final TapFactory taps;
  private final int maxClients;
  private final Duration linger;
  private final ServerSocketChannel server;
  private final Thread acceptor;
  private final List<RelayedPair> pairs = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();
  private int accepted;
  /** Clients accepted whose relaying has not started yet (their server is being connected). */
  private int connecting;
  private boolean listening = true;
  private volatile boolean closed;

  private UnixSocketRelay(Builder b, ServerSocketChannel server) {
    this.listen = b.listen;
    this.connect = b.connect;
    this.taps = b.taps;
    this.maxClients = b.maxClients;
    this.linger = b.linger;
    this.server = server;
    this.acceptor = new Thread(this::acceptLoop, "qapi4j-relay-accept " + listen);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Relays with one tap shared by all clients (it gets {@link WireTap#onClose()} per client). */
  public static UnixSocketRelay start(Path listen, Path connect, WireTap tap) {
    return builder(listen, connect).tap(tap).start();
  }

  /**
   * Starts listening on {@code listen}; each client is connected to {@code connect} when it
   * arrives.
   *
   * @throws LiveException if {@code listen} exists already or cannot be bound
   */
  public static UnixSocketRelay start(Path listen, Path connect, TapFactory taps) {
    return builder(listen, connect).taps(taps).start();
  }

  /** A relay from {@code listen} to {@code connect}: no tap, any number of clients. */
  public static Builder builder(Path listen, Path connect) {
    return new Builder(listen, connect);
  }

  /** Configures and starts a {@link UnixSocketRelay}. */
  public static final class Builder {
    private final Path listen;
    private final Path connect;
    private TapFactory taps = connection -> WireTap.NONE;
    private int maxClients = Integer.MAX_VALUE;
    private Duration linger = DEFAULT_LINGER;

    private Builder(Path listen, Path connect) {
      this.listen = Objects.requireNonNull(listen, "listen");
      this.connect = Objects.requireNonNull(connect, "connect");
    }

    /** One tap for every client. */
    public Builder tap(WireTap tap) {
      Objects.requireNonNull(tap, "tap");
      return taps(connection -> tap);
    }

    /** A tap per client. */
    public Builder taps(TapFactory taps) {
      this.taps = Objects.requireNonNull(taps, "taps");
      return this;
    }

    /**
     * Accept this many clients, then stop listening (the socket file is removed; later clients
     * find nothing there). Default: no limit.
     */
    public Builder maxClients(int maxClients) {
      if (maxClients < 1) {
        throw new IllegalArgumentException("maxClients must be positive, not " + maxClients);
      }
      this.maxClients = maxClients;
      return this;
    }

    /** How long a side may stay open after the other ended its stream (default 10 s). */
    public Builder linger(Duration linger) {
      if (linger.isNegative()) {
        throw new IllegalArgumentException("linger must not be negative: " + linger);
      }
      this.linger = linger;
      return this;
    }

    /**
     * Starts listening.
     *
     * @throws LiveException if {@code listen} is taken (another program listens there, or a file
     *     is in the way) or cannot be bound
     */
    public UnixSocketRelay start() {
      if (Files.exists(listen, LinkOption.NOFOLLOW_LINKS)) {
        Boolean listening = listening(listen);
        throw new LiveException("cannot listen on " + listen + ": " + (listening == null
            ? "the file exists (another program listens there, or it is a stale socket: remove it)"
            : listening ? "another program listens there"
            : "the file exists (a stale socket? remove it)"));
      }
      ServerSocketChannel server = null;
      try {
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(listen));
        return new UnixSocketRelay(this, server);
      } catch (IOException | RuntimeException e) {
        QuietClose.close(server);
        throw new LiveException("cannot listen on " + listen + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * Whether a program listens on {@code socket}, as Linux's {@code /proc/net/unix} tells (a
   * socket with the accepting flag, {@code __SO_ACCEPTCON}, bound to that path); {@code null}
   * where that cannot be told. (Connecting to find out would be a client to that program: a
   * proxy that serves one session would serve it to the probe.)
   */
  private static @Nullable Boolean listening(Path socket) {
    Path table = Path.of("/proc/net/unix");
    if (!Files.isReadable(table)) {
      return null;
    }
    String path = socket.toAbsolutePath().normalize().toString();
    try (Stream<String> lines = Files.lines(table)) {
      return lines.skip(1).map(l -> l.trim().split("\\s+"))
          .anyMatch(f -> f.length >= 8 && f[7].equals(path) && (Long.parseLong(f[3], 16)
              & ACCEPTING) != 0);
    } catch (IOException | RuntimeException e) {
      return null;
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
      boolean last;
      synchronized (this) {
        index = ++accepted;
        connecting++;
        last = accepted >= maxClients;
      }
      if (last) {
        stopListening();
      }
      SocketChannel upstream = null;
      try {
        upstream = SocketChannel.open(StandardProtocolFamily.UNIX);
        upstream.connect(UnixDomainSocketAddress.of(connect));
      } catch (IOException | RuntimeException e) {
        fail("connection " + index + ": cannot connect to unix:" + connect + ": " + e.getMessage());
        QuietClose.close(upstream);
        QuietClose.close(client);
        connected();
        if (last) {
          return;
        }
        continue;
      }
      RelayedPair pair = new RelayedPair(index, client, upstream, taps.open(index), linger,
          this::fail, this::finished);
      synchronized (this) {
        if (closed) {
          pair.close();
        }
        // Listed before it starts, so that it cannot finish before it is listed.
        pairs.add(pair);
      }
      connected();
      pair.start();
      if (last) {
        return;
      }
    }
  }

  /** Closes the listening socket and removes its file (once). */
  private void stopListening() {
    synchronized (this) {
      if (!listening) {
        return;
      }
      listening = false;
      notifyAll();
    }
    QuietClose.close(server);
    try {
      Files.deleteIfExists(listen);
    } catch (IOException ignored) {
      // A leftover socket file is harmless; the next start says the path exists.
    }
  }

  private synchronized void connected() {
    connecting--;
    notifyAll();
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

  /**
   * Waits until the relay has stopped listening (its {@linkplain Builder#maxClients clients} were
   * accepted, or it was closed) and every client is done, its tap included.
   */
  public synchronized void awaitFinished() throws InterruptedException {
    while (listening || connecting > 0 || !pairs.isEmpty()) {
      wait();
    }
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
    stopListening();
    for (RelayedPair p : snapshot) {
      p.close();
    }
    try {
      acceptor.join(1000);
      awaitIdle(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
