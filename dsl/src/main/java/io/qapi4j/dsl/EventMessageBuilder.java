package io.qapi4j.dsl;

import org.jspecify.annotations.Nullable;

/**
 * Builds an event message: {@code put} sets its {@code data}; the {@code timestamp} is the time
 * of building unless {@link #timestamp(long, long)} sets it.
 */
public final class EventMessageBuilder extends ObjectBuilder {
  private long @Nullable [] timestamp;

  EventMessageBuilder() {}

  /** Sets the {@code timestamp}: seconds and microseconds since the epoch. */
  public void timestamp(long seconds, long microseconds) {
    this.timestamp = new long[] {seconds, microseconds};
  }

  long[] timestampOrNow() {
    if (timestamp != null) {
      return timestamp;
    }
    long micros = Math.multiplyExact(System.currentTimeMillis(), 1000L);
    return new long[] {micros / 1_000_000L, micros % 1_000_000L};
  }
}
