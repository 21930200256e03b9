package io.qapi4j.validator.live;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link QmpClient} or {@link QgaClient} behaves.
 *
 * @param timeout how long to wait for the greeting, a reply or an event before giving up
 * @param tap what sees every byte sent and received (e.g. a recorder)
 */
public record ClientOptions(Duration timeout, WireTap tap) {

  public ClientOptions {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(tap, "tap");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
  }

  /** Ten seconds per reply, no tap. */
  public static ClientOptions defaults() {
    return new ClientOptions(Duration.ofSeconds(10), WireTap.NONE);
  }

  /** These options with another timeout. */
  public ClientOptions withTimeout(Duration timeout) {
    return new ClientOptions(timeout, tap);
  }

  /** These options with another tap. */
  public ClientOptions withTap(WireTap tap) {
    return new ClientOptions(timeout, tap);
  }
}
