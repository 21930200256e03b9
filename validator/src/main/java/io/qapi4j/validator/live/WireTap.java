package io.qapi4j.validator.live;

import io.qapi4j.validator.Direction;

/**
 * Sees every chunk of bytes that crosses a connection, in the order they crossed it: what the
 * client sent ({@link Direction#CLIENT}) and what the server sent ({@link Direction#SERVER}).
 * Chunks are copies the tap may keep. A tap is called from one thread at a time per connection.
 */
@FunctionalInterface
public interface WireTap {

  /** A tap that ignores everything. */
  WireTap NONE = (direction, bytes) -> {};

  /** {@code bytes} crossed the wire travelling {@code direction}. */
  void onBytes(Direction direction, byte[] bytes);

  /**
   * The sender of {@code direction} ended its stream (closed the connection or shut down its
   * output): no more bytes will come that way. Told by a {@link UnixSocketRelay}, after that
   * direction's last chunk.
   */
  default void onEnd(Direction direction) {}

  /** The connection is closed: no more bytes will come. */
  default void onClose() {}

  /** A tap that hands everything to this tap, then to {@code next}. */
  default WireTap andThen(WireTap next) {
    WireTap first = this;
    return new WireTap() {
      @Override
      public void onBytes(Direction direction, byte[] bytes) {
        first.onBytes(direction, bytes);
        next.onBytes(direction, bytes);
      }

      @Override
      public void onEnd(Direction direction) {
        first.onEnd(direction);
        next.onEnd(direction);
      }

      @Override
      public void onClose() {
        first.onClose();
        next.onClose();
      }
    };
  }
}
