package io.qapi4j.validator;

import java.util.concurrent.atomic.AtomicReferenceArray;
import tools.jackson.core.util.BufferRecycler;
import tools.jackson.core.util.RecyclerPool;

/**
 * Jackson's buffers for the parser of one message, kept for the next: a fixed array of slots, a
 * thread taking and giving back the one its id points to. A validator creates a parser per message,
 * and for the small messages most traffic has, Jackson's default pool (a concurrent deque, a node
 * allocated per return) cost a sixth of the time. A slot costs one atomic exchange; a slot taken by
 * another thread means fresh buffers, and a slot full on return lets the buffers go. Unlike a
 * thread-local pool it holds no more than its slots, however many threads (virtual ones included)
 * parse.
 */
final class StripedBufferPool implements RecyclerPool<BufferRecycler> {

  private static final long serialVersionUID = 1L;

  private static final int SLOTS = slots(Runtime.getRuntime().availableProcessors());

  /** The pool every mapper of QEMU's dialect shares. */
  static final StripedBufferPool SHARED = new StripedBufferPool();

  private final transient AtomicReferenceArray<BufferRecycler> slots =
      new AtomicReferenceArray<>(SLOTS);

  private StripedBufferPool() {}

  /** Four slots per processor, a power of two. */
  static int slots(int processors) {
    return Integer.highestOneBit(Math.max(1, Math.min(processors, 1 << 10)) * 4 - 1) << 1;
  }

  @Override
  public BufferRecycler acquirePooled() {
    BufferRecycler pooled = slots.getAndSet(slot(), null);
    return pooled != null ? pooled : new BufferRecycler();
  }

  @Override
  public void releasePooled(BufferRecycler recycler) {
    slots.compareAndSet(slot(), null, recycler);
  }

  @SuppressWarnings("deprecation")   // Thread.threadId() is Java 19's
  private static int slot() {
    long id = Thread.currentThread().getId();
    return (int) (id ^ (id >>> 32)) & (SLOTS - 1);
  }

  @Override
  public boolean clear() {
    for (int i = 0; i < SLOTS; i++) {
      slots.set(i, null);
    }
    return true;
  }

  @Override
  public int pooledCount() {
    int count = 0;
    for (int i = 0; i < SLOTS; i++) {
      count += slots.get(i) != null ? 1 : 0;
    }
    return count;
  }

  /** One pool, also for a mapper that was serialized. */
  private Object readResolve() {
    return SHARED;
  }
}
