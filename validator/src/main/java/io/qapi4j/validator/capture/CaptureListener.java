package io.qapi4j.validator.capture;

import io.qapi4j.validator.ValidationResult;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Receives what {@link CaptureValidator} finds, as it finds it (so that reports can stream).
 * Findings about a command may come later than the command itself: an unanswered command is known
 * only when its session ends.
 */
public interface CaptureListener {

  /** A finding. */
  void finding(CaptureFinding finding);

  /** Malformed input that was skipped. */
  void unparsed(Unparsed unparsed);

  /** A message was validated (before its findings are passed on); for progress and counts. */
  default void message(MessageRef message, ValidationResult result) {}

  /**
   * This listener, also calling {@code hook} for every validated message (a progress display).
   */
  default CaptureListener onMessage(BiConsumer<MessageRef, ValidationResult> hook) {
    return new FunctionListener(this::finding, this::unparsed, (message, result) -> {
      message(message, result);
      hook.accept(message, result);
    });
  }

  /** A listener made of two functions. */
  static CaptureListener of(Consumer<CaptureFinding> findings, Consumer<Unparsed> unparsed) {
    return new FunctionListener(findings, unparsed, (message, result) -> { });
  }
}
