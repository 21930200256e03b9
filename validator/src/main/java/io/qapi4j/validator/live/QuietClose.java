package io.qapi4j.validator.live;

import org.jspecify.annotations.Nullable;

/** Closing that cannot fail: cleanup must go on when a peer or a file is already gone. */
final class QuietClose {
  private QuietClose() {}

  static void close(@Nullable AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception ignored) {
      // Best effort: the resource may already be closed or its peer gone.
    }
  }
}
