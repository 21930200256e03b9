package io.qapi4j.validator.capture;

import io.qapi4j.validator.QmpValidator;
import java.io.IOException;
import java.util.Objects;

/**
 * Validates a whole capture in one pass: reads it with a {@link CaptureReader}, follows its
 * sessions with a {@link SessionTracker} (so that each reply's {@code return} is checked against
 * the command it answers), validates every message with a {@link QmpValidator}, and passes each
 * finding and each piece of malformed input to a {@link CaptureListener} as soon as it is known.
 * Memory stays bounded whatever the capture's length: nothing is retained but counts and the
 * commands waiting for replies.
 *
 * <pre>{@code
 * CaptureValidator validator = CaptureValidator.of(QmpValidator.forQga(qgaSchema));
 * try (CaptureReader reader = CaptureReader.open(Path.of("qga.log"))) {
 *   CaptureSummary summary = validator.validate(reader, CaptureListener.of(
 *       System.out::println, System.out::println));
 * }
 * }</pre>
 */
public final class CaptureValidator {

  private final QmpValidator validator;
  private final int maxPending;

  private CaptureValidator(QmpValidator validator, int maxPending) {
    this.validator = Objects.requireNonNull(validator, "validator");
    this.maxPending = maxPending;
  }

  /** A capture validator that checks messages with {@code validator} (and its protocol). */
  public static CaptureValidator of(QmpValidator validator) {
    return new CaptureValidator(validator, SessionTracker.DEFAULT_MAX_PENDING);
  }

  /** The same, letting at most {@code maxPending} commands wait for replies. */
  public CaptureValidator withMaxPending(int maxPending) {
    return new CaptureValidator(validator, maxPending);
  }

  /**
   * A validator of one live session, fed with the bytes of both directions as they cross the
   * wire; its findings go to {@code listener}, its positions name {@code source}.
   */
  public SessionValidator session(String source, CaptureListener listener) {
    return new SessionValidator(validator, maxPending, source, listener);
  }

  /** The message validator. */
  public QmpValidator validator() {
    return validator;
  }

  /**
   * Reads {@code reader} to its end (for a followed input: until the thread is interrupted),
   * passing findings to {@code listener}, and sums up.
   *
   * @throws IOException if reading fails (findings up to there have been passed on)
   */
  public CaptureSummary validate(CaptureReader reader, CaptureListener listener)
      throws IOException {
    CaptureRun run = new CaptureRun(validator, maxPending, listener);
    for (CaptureItem item = reader.next(); item != null; item = reader.next()) {
      // Logs (iotests and the like) record some traffic and leave some out.
      run.sessions().partialRecord(reader.format().isLog());
      run.item(item);
    }
    run.finish();
    return run.summary(reader.source(), reader.format(), reader.bytesRead(), reader.textLines(),
        reader.otherValues(), reader.syncBytes(), reader.placeholders());
  }
}
