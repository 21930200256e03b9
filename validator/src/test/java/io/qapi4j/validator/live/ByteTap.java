package io.qapi4j.validator.live;

import io.qapi4j.validator.Direction;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A tap that keeps what each direction carried, for byte-for-byte comparisons. */
final class ByteTap implements WireTap {

  private final ByteArrayOutputStream client = new ByteArrayOutputStream();
  private final ByteArrayOutputStream server = new ByteArrayOutputStream();
  private final CountDownLatch closed = new CountDownLatch(1);

  @Override
  public synchronized void onBytes(Direction direction, byte[] bytes) {
    (direction == Direction.CLIENT ? client : server).writeBytes(bytes);
  }

  @Override
  public void onClose() {
    closed.countDown();
  }

  synchronized byte[] client() {
    return client.toByteArray();
  }

  synchronized byte[] server() {
    return server.toByteArray();
  }

  boolean awaitClose(long millis) throws InterruptedException {
    return closed.await(millis, TimeUnit.MILLISECONDS);
  }
}
