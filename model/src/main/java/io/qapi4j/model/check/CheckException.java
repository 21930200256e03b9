package io.qapi4j.model.check;

import io.qapi4j.model.Diagnostic;

/**
 * QEMU's {@code QAPISemError}: ends the check of one expression or entity. Internal; the checker
 * records the diagnostic and goes on with the next one.
 */
final class CheckException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Diagnostic diagnostic;

  CheckException(Diagnostic diagnostic) {
    super(diagnostic.message(), null, false, false);
    this.diagnostic = diagnostic;
  }

  Diagnostic diagnostic() {
    return diagnostic;
  }

  /** Thrown when an entity depends on one that already failed: reported once, not again. */
  static final class Poisoned extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Poisoned() {
      super(null, null, false, false);
    }
  }
}
