package io.qapi4j.validator.live;

import io.qapi4j.validator.Direction;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Hands a relay's chunks to a {@link WireTap} on a thread of its own, in the order they crossed
 * the wire, so a slow tap never delays the traffic. Each chunk takes a ticket <em>before</em> it is
 * forwarded and is handed over after; a reply can only be read after its command was forwarded,
 * so its ticket is later, and chunks go to the tap in ticket order.
 *
 * <p>At most {@link #MAX_PENDING_BYTES} wait for the tap; beyond that, forwarding waits for it.
 * A tap that throws is reported once and sees nothing more; the traffic goes on.
 */
final class OrderedTap {

  /** Bytes waiting for a slow tap before forwarding waits too. */
  static final long MAX_PENDING_BYTES = 64L << 20;

  /** What a ticket stands for: bytes, the end of a direction's stream, or nothing. */
  private record Chunk(@Nullable Direction direction, byte[] bytes, boolean end) {}

  private final WireTap tap;
  private final Consumer<String> failures;
  private final Runnable whenDone;
  private final TreeMap<Long, Chunk> pending = new TreeMap<>();
  private final Thread thread;
  private long nextTicket;
  private long nextToDeliver;
  private long pendingBytes;
  private boolean finished;
  private boolean broken;

  /**
   * @param failures where a description of a failing tap goes
   * @param whenDone runs once the tap has seen everything and its {@code onClose}
   */
  OrderedTap(WireTap tap, String name, Consumer<String> failures, Runnable whenDone) {
    this.tap = tap;
    this.failures = failures;
    this.whenDone = whenDone;
    this.thread = new Thread(this::deliverLoop, "qapi4j-tap " + name);
    thread.setDaemon(true);
    thread.start();
  }

  /** A ticket for a chunk about to be forwarded. */
  synchronized long reserve() {
    return nextTicket++;
  }

  /** The chunk of {@code ticket}, forwarded; waits while too much is pending. */
  synchronized void deliver(long ticket, Direction direction, byte[] bytes) {
    while (pendingBytes > MAX_PENDING_BYTES && !finished) {
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    put(ticket, new Chunk(direction, bytes, false));
  }

  /** The sender of {@code direction} ended its stream (closed it, or the pump failed). */
  synchronized void ended(long ticket, Direction direction) {
    put(ticket, new Chunk(direction, new byte[0], true));
  }

  /** The chunk of {@code ticket} was not forwarded (the peer is gone): nothing to hand over. */
  synchronized void cancel(long ticket) {
    put(ticket, new Chunk(null, new byte[0], false));
  }

  private void put(long ticket, Chunk chunk) {
    pending.put(ticket, chunk);
    pendingBytes += chunk.bytes().length;
    notifyAll();
  }

  /** No more chunks will come: the tap gets what is pending, then {@link WireTap#onClose()}. */
  synchronized void finish() {
    finished = true;
    notifyAll();
  }

  private void deliverLoop() {
    while (true) {
      Chunk chunk;
      synchronized (this) {
        while (!pending.containsKey(nextToDeliver) && !(finished && pending.isEmpty())) {
          try {
            wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (pending.isEmpty()) {
          break;
        }
        if (!pending.containsKey(nextToDeliver)) {
          // Finished with a ticket never handed in (cannot happen with the relay's pumps): skip it.
          nextToDeliver = pending.firstKey();
        }
        chunk = pending.remove(nextToDeliver++);
        pendingBytes -= chunk.bytes().length;
        notifyAll();
      }
      Direction direction = chunk.direction();
      if (direction != null && chunk.end()) {
        call(() -> tap.onEnd(direction));
      } else if (direction != null) {
        call(() -> tap.onBytes(direction, chunk.bytes()));
      }
    }
    call(tap::onClose);
    whenDone.run();
  }

  private void call(Runnable r) {
    if (broken) {
      return;
    }
    try {
      r.run();
    } catch (RuntimeException e) {
      broken = true;
      failures.accept("the tap failed and sees nothing more: " + e);
    }
  }
}
