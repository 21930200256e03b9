package io.qapi4j.validator.capture;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a growing file like {@code tail -f}: at its current end it waits and reads again, until
 * the reading thread is interrupted, which ends the input. Wrap a stream whose reads do not
 * themselves react to interrupts (a {@link java.io.FileInputStream}, not an NIO channel, which
 * would close).
 */
final class FollowingInputStream extends FilterInputStream {

  private final long pollMillis;

  FollowingInputStream(InputStream in, long pollMillis) {
    super(in);
    this.pollMillis = pollMillis;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    while (true) {
      int n = super.read(b, off, len);
      if (n != -1) {
        return n;
      }
      if (Thread.currentThread().isInterrupted()) {
        return -1;
      }
      try {
        Thread.sleep(pollMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // the caller learns it from the end of the input
        return -1;
      }
    }
  }
}
