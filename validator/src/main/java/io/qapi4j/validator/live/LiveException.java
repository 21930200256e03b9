package io.qapi4j.validator.live;

/**
 * A live session failed: a binary could not be started or died, a socket could not be reached, a
 * peer stopped answering within its timeout or closed the connection. The message says what
 * happened and, for a child process, what it printed on stderr.
 */
public final class LiveException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}. */
  public LiveException(String message) {
    super(message);
  }

  /** A failure described by {@code message}, caused by {@code cause}. */
  public LiveException(String message, Throwable cause) {
    super(message, cause);
  }
}
