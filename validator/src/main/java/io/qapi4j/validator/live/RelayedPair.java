package io.qapi4j.validator.live;

import io.qapi4j.validator.Direction;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One client relayed to its server: two pumps copy bytes unchanged, one per direction, and an
 * {@link OrderedTap} shows every chunk to the tap. When one side ends its stream the other side's
 * output is shut down (the peer sees the end too), and the other side gets the linger time to end
 * its own; when both directions are done, or either fails, or the linger time is over, both
 * sockets are closed.
 */
final class RelayedPair {

  private final SocketChannel client;
  private final SocketChannel server;
  private final OrderedTap tap;
  private final Duration linger;
  private final Thread toServer;
  private final Thread toClient;
  private int pumpsRunning = 2;

  /**
   * @param failures where descriptions of failures go
   * @param whenDone runs once both directions are done and the tap has seen everything
   */
  RelayedPair(int index, SocketChannel client, SocketChannel server, WireTap tap,
      Duration linger, Consumer<String> failures, Consumer<RelayedPair> whenDone) {
    this.client = client;
    this.server = server;
    this.linger = linger;
    String name = "relay connection " + index;
    this.tap = new OrderedTap(tap, name, m -> failures.accept(name + ": " + m),
        () -> whenDone.accept(this));
    this.toServer = pump(client, server, Direction.CLIENT, name);
    this.toClient = pump(server, client, Direction.SERVER, name);
  }

  private Thread pump(SocketChannel from, SocketChannel to, Direction direction, String name) {
    Thread t = new Thread(() -> copy(from, to, direction),
        "qapi4j-" + name + (direction == Direction.CLIENT ? " to server" : " to client"));
    t.setDaemon(true);
    return t;
  }

  /** Starts copying. */
  void start() {
    toServer.start();
    toClient.start();
  }

  private void copy(SocketChannel from, SocketChannel to, Direction direction) {
    ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    boolean failed = false;
    try {
      while (from.read(buffer.clear()) >= 0) {
        buffer.flip();
        if (!buffer.hasRemaining()) {
          continue;
        }
        byte[] chunk = Arrays.copyOf(buffer.array(), buffer.limit());
        long ticket = tap.reserve();
        try {
          while (buffer.hasRemaining()) {
            to.write(buffer);
          }
        } catch (IOException e) {
          tap.cancel(ticket);
          throw e;
        }
        tap.deliver(ticket, direction, chunk);
      }
      to.shutdownOutput();
    } catch (IOException e) {
      failed = true;
    } finally {
      tap.ended(tap.reserve(), direction);
      pumpDone(failed);
    }
  }

  private void pumpDone(boolean failed) {
    boolean last;
    synchronized (this) {
      last = --pumpsRunning == 0;
      notifyAll();
    }
    if (failed || last) {
      close();
    } else {
      lingerThenClose();
    }
    if (last) {
      tap.finish();
    }
  }

  /** Gives the side still sending the linger time to end too, then closes both. */
  private void lingerThenClose() {
    Thread t = new Thread(() -> {
      long deadline = System.nanoTime() + linger.toNanos();
      synchronized (this) {
        long left;
        while (pumpsRunning > 0 && (left = deadline - System.nanoTime()) > 0) {
          try {
            TimeUnit.NANOSECONDS.timedWait(this, left);
          } catch (InterruptedException e) {
            break;
          }
        }
        if (pumpsRunning == 0) {
          return;
        }
      }
      close();
    }, toServer.getName() + " linger");
    t.setDaemon(true);
    t.start();
  }

  /** Closes both sockets; the pumps end and the tap gets what is pending. */
  void close() {
    QuietClose.close(client);
    QuietClose.close(server);
  }
}
