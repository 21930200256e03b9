package io.qapi4j.cli;

/**
 * A schema source the user asked for cannot be used (a missing or broken file, a QEMU binary that
 * does not run or answer): {@code validate} reports the message and exits 2.
 */
final class SchemaSourceException extends Exception {
  private static final long serialVersionUID = 1L;

  SchemaSourceException(String message) {
    super(message);
  }
}
