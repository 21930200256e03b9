package io.qapi4j.validator.capture;

import io.qapi4j.validator.MessageKind;
import io.qapi4j.validator.QmpValidator;
import io.qapi4j.validator.ValidationResult;
import io.qapi4j.validator.Violation;
import io.qapi4j.validator.ViolationCode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One validation of a capture or of a live session: each item goes through the {@link
 * SessionTracker} and the {@link QmpValidator}, each finding and each piece of malformed input to
 * the {@link CaptureListener} as soon as it is known; only counts are kept.
 */
final class CaptureRun {

  private final CaptureListener listener;
  private final SessionTracker sessions;
  private final Map<ViolationCode, Long> byCode = new EnumMap<>(ViolationCode.class);
  private QmpValidator validator;
  private long messages;
  private long unparsed;
  private long filteredGreetings;
  private long errors;
  private long warnings;
  private long infos;

  CaptureRun(QmpValidator validator, int maxPending, CaptureListener listener) {
    this.validator = validator;
    this.listener = listener;
    this.sessions = new SessionTracker(validator.protocol(), validator.schema(), maxPending);
  }

  SessionTracker sessions() {
    return sessions;
  }

  QmpValidator validator() {
    return validator;
  }

  /** Checks the messages from now on with {@code next} (a schema learnt during the session). */
  void validator(QmpValidator next) {
    validator = next;
  }

  /**
   * Takes the next item; returns what the tracker said of it, for a message (else {@link
   * SessionTracker.Step#NONE}).
   */
  SessionTracker.Step item(CaptureItem item) {
    if (item instanceof CapturedMessage m) {
      return check(m);
    }
    if (item instanceof Unparsed u) {
      unparsed(u);
    } else if (item instanceof FilteredGreeting g) {
      filteredGreetings++;
      emit(sessions.greeting(g));
    }
    return SessionTracker.Step.NONE;
  }

  private SessionTracker.Step check(CapturedMessage m) {
    SessionTracker.Step step = sessions.accept(m);
    emit(step.earlier());
    ValidationResult result = validator.validate(m.json(), m.direction(), step.inReplyTo());
    if (isParseError(result)) {
      // The framing and the envelope's parser let it through; the validator's parser did not.
      unparsed(new Unparsed(m.source(), m.line(), m.column(), m.offset(),
          result.violations().get(0).message()));
      return step;
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
    return step;
  }

  private void unparsed(Unparsed u) {
    unparsed++;
    listener.unparsed(u);
  }

  /** The capture or session ended: the requests still waiting are left unanswered. */
  void finish() {
    emit(sessions.finish());
  }

  private void emit(List<CaptureFinding> findings) {
    findings.forEach(this::emit);
  }

  private void emit(CaptureFinding f) {
    Violation v = f.violation();
    byCode.merge(v.code(), 1L, Long::sum);
    switch (v.severity()) {
      case ERROR -> errors++;
      case WARNING -> warnings++;
      case INFO -> infos++;
    }
    listener.finding(f);
  }

  /** The counts, with what only the reader of the input knows. */
  CaptureSummary summary(String source, CaptureFormat format, long bytes, long textLines,
      long otherValues, long syncBytes, long placeholders) {
    return new CaptureSummary(source, format, bytes, messages, unparsed, textLines, otherValues,
        syncBytes, filteredGreetings, placeholders, sessions.sessions(),
        sessions.uncorrelatedReplies(), errors, warnings, infos, byCode);
  }

  private static boolean isParseError(ValidationResult result) {
    return result.kind() == MessageKind.UNKNOWN && result.violations().size() == 1
        && result.violations().get(0).code() == ViolationCode.JSON_PARSE_ERROR;
  }
}
