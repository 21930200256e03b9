package io.qapi4j.cli;

import io.qapi4j.validator.capture.CaptureListener;
import org.jspecify.annotations.Nullable;

/**
 * A report of {@code validate}: receives findings as they are found (a {@link CaptureListener}),
 * then the totals. Implementations print as they go, keeping bounded memory.
 */
interface ValidateReport extends CaptureListener {

  /**
   * Prints what is left: groups, totals, the closing of a JSON document. Called once.
   *
   * @param error why the run stopped early (an I/O error), or {@code null}
   */
  void finish(ValidateTotals totals, @Nullable String error);
}
