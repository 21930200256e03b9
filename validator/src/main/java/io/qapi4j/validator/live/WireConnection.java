package io.qapi4j.validator.live;

import io.qapi4j.validator.Direction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One connection to a server: writes what the client sends, reads and frames what the server
 * sends on a reader thread, and shows both to a {@link WireTap} in the order they crossed the
 * wire. The tap sees the client's bytes just before they are written and the server's bytes
 * before they are framed, so a reply can never be tapped before the command that caused it; no
 * lock is held during I/O.
 */
final class WireConnection implements AutoCloseable {

  /** The end of the server's stream, and why. */
  private record Ended(String reason) {}

  private final Transport transport;
  private final WireTap tap;
  private final PeerState peerState;
  private final Object tapLock = new Object();
  private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
  private final LineFramer framer = new LineFramer();
  private final Thread reader;
  private volatile boolean closing;
  private @Nullable Ended ended;
  private boolean tapClosed;

  /**
   * Starts reading {@code transport}.
   *
   * @param peerState describes the server's state for error messages (e.g. a child's exit status
   *     and stderr); empty when there is nothing to add
   */
  WireConnection(Transport transport, WireTap tap, PeerState peerState) {
    this.transport = transport;
    this.tap = tap;
    this.peerState = peerState;
    this.reader = new Thread(this::readLoop, "qapi4j-wire-reader " + transport.description());
    reader.setDaemon(true);
    reader.start();
  }

  /** Sends {@code bytes} as they are. */
  void send(byte[] bytes) {
    synchronized (tapLock) {
      if (tapClosed) {
        throw new LiveException("the connection to " + transport.description() + " is closed");
      }
      tap.onBytes(Direction.CLIENT, bytes.clone());
    }
    try {
      transport.write(bytes);
    } catch (IOException e) {
      throw new LiveException("cannot write to " + transport.description() + ": " + e.getMessage()
          + peerState.describe(true), e);
    }
  }

  /**
   * The next message from the server.
   *
   * @param deadline when to give up, in {@link System#nanoTime()} terms
   * @param timeout the wait the deadline stands for, for the error message
   * @param waitingFor what the caller waits for, for the error message ("the reply to query-status")
   * @throws LiveException if none arrives by the deadline or the server closed the stream
   */
  ServerMessage next(long deadline, Duration timeout, String waitingFor) {
    if (ended != null) {
      throw closedWhileWaiting(ended, waitingFor);
    }
    Object item;
    try {
      item = inbox.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LiveException("interrupted while waiting for " + waitingFor, e);
    }
    if (item == null) {
      throw new LiveException("no answer from " + transport.description() + " within "
          + seconds(timeout) + " while waiting for " + waitingFor + peerState.describe(false));
    }
    if (item instanceof Ended e) {
      ended = e;
      throw closedWhileWaiting(e, waitingFor);
    }
    return (ServerMessage) item;
  }

  private LiveException closedWhileWaiting(Ended e, String waitingFor) {
    return new LiveException(transport.description() + " " + e.reason() + " while waiting for "
        + waitingFor + peerState.describe(true));
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private void readLoop() {
    byte[] buffer = new byte[64 * 1024];
    String reason = "was closed by the client";
    try {
      while (true) {
        int n = transport.read(buffer);
        if (n < 0) {
          reason = "closed the connection";
          break;
        }
        if (n == 0) {
          continue;
        }
        synchronized (tapLock) {
          if (tapClosed) {
            break;
          }
          tap.onBytes(Direction.SERVER, Arrays.copyOf(buffer, n));
        }
        framer.feed(buffer, 0, n, this::deliver);
      }
    } catch (IOException | RuntimeException e) {
      reason = closing ? "was closed by the client" : "failed: " + e.getMessage();
    }
    framer.finish(this::deliver);
    inbox.add(new Ended(reason));
  }

  private void deliver(LineFramer.Frame frame) {
    String text = new String(frame.bytes(), StandardCharsets.UTF_8);
    StringBuilder problem = new StringBuilder();
    if (frame.problem() != null) {
      problem.append(frame.problem());
    }
    var json = frame.problem() == null ? WireJson.parse(text, problem) : null;
    inbox.add(new ServerMessage(text, json, frame.afterSentinel(),
        problem.length() == 0 ? null : problem.toString()));
  }

  /**
   * Closes the transport, waits briefly for the reader, and tells the tap; the tap sees nothing
   * after that. (A read on a child's stdout may only end when the child dies: the launcher kills
   * it, and the reader thread, a daemon, ends then.)
   */
  @Override
  public void close() {
    closing = true;
    transport.close();
    try {
      reader.join(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (tapLock) {
      if (!tapClosed) {
        tapClosed = true;
        tap.onClose();
      }
    }
  }
}
