package io.qapi4j.model.parse;

import io.qapi4j.model.Diagnostic;

/**
 * Stops reading at the first syntax error, as QEMU does. Internal: the reader turns it into a
 * {@link Diagnostic} value; it never reaches callers.
 */
final class SchemaParseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Diagnostic diagnostic;

  SchemaParseException(Diagnostic diagnostic) {
    super(diagnostic.message(), null, false, false);
    this.diagnostic = diagnostic;
  }

  Diagnostic diagnostic() {
    return diagnostic;
  }
}
