package io.qapi4j.validator.capture;

import io.qapi4j.validator.MessageKind;
import io.qapi4j.validator.QmpValidator;
import io.qapi4j.validator.ValidationResult;
import io.qapi4j.validator.Violation;
import io.qapi4j.validator.ViolationCode;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
    Run run = new Run(reader, listener,
        new SessionTracker(validator.protocol(), validator.schema(), maxPending));
    for (CaptureItem item = reader.next(); item != null; item = reader.next()) {
      // Logs (iotests and the like) record some traffic and leave some out.
      run.sessions.partialRecord(reader.format().isLog());
      if (item instanceof CapturedMessage m) {
        run.check(m);
      } else if (item instanceof Unparsed u) {
        run.unparsed(u);
      } else if (item instanceof FilteredGreeting g) {
        run.filteredGreetings++;
        run.emit(run.sessions.greeting(g));
      }
    }
    run.emit(run.sessions.finish());
    return run.summary();
  }

  /** One capture's validation: the running counts. */
  private final class Run {
    final CaptureReader reader;
    final CaptureListener listener;
    final SessionTracker sessions;
    final Map<ViolationCode, Long> byCode = new EnumMap<>(ViolationCode.class);
    long messages;
    long unparsed;
    long filteredGreetings;
    long errors;
    long warnings;
    long infos;

    Run(CaptureReader reader, CaptureListener listener, SessionTracker sessions) {
      this.reader = reader;
      this.listener = listener;
      this.sessions = sessions;
    }

    void check(CapturedMessage m) {
      SessionTracker.Step step = sessions.accept(m);
      emit(step.earlier());
      ValidationResult result = validator.validate(m.json(), m.direction(), step.inReplyTo());
      if (isParseError(result)) {
        // The framing and the envelope's parser let it through; the validator's parser did not.
        unparsed(new Unparsed(m.source(), m.line(), m.column(), m.offset(),
            result.violations().get(0).message()));
        return;
      }
      messages++;
      MessageRef ref = new MessageRef(m.source(), m.index(), m.line(), m.direction(),
          result.kind(), result.name());
      listener.message(ref, result);
      for (Violation v : result.violations()) {
        emit(new CaptureFinding(ref, v));
      }
      for (Violation v : step.violations()) {
        emit(new CaptureFinding(ref, v));
      }
    }

    void unparsed(Unparsed u) {
      unparsed++;
      listener.unparsed(u);
    }

    void emit(List<CaptureFinding> findings) {
      findings.forEach(this::emit);
    }

    void emit(CaptureFinding f) {
      Violation v = f.violation();
      byCode.merge(v.code(), 1L, Long::sum);
      switch (v.severity()) {
        case ERROR -> errors++;
        case WARNING -> warnings++;
        case INFO -> infos++;
      }
      listener.finding(f);
    }

    CaptureSummary summary() {
      return new CaptureSummary(reader.source(), reader.format(), reader.bytesRead(), messages,
          unparsed, reader.textLines(), reader.otherValues(), reader.syncBytes(),
          filteredGreetings, reader.placeholders(), sessions.sessions(),
          sessions.uncorrelatedReplies(), errors, warnings, infos, byCode);
    }
  }

  private static boolean isParseError(ValidationResult result) {
    return result.kind() == MessageKind.UNKNOWN && result.violations().size() == 1
        && result.violations().get(0).code() == ViolationCode.JSON_PARSE_ERROR;
  }
}
