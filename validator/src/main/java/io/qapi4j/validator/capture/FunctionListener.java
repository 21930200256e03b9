package io.qapi4j.validator.capture;

import io.qapi4j.validator.ValidationResult;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** A {@link CaptureListener} made of functions. */
record FunctionListener(
    Consumer<CaptureFinding> findings,
    Consumer<Unparsed> unparsed,
    BiConsumer<MessageRef, ValidationResult> messages) implements CaptureListener {

  @Override
  public void finding(CaptureFinding finding) {
    findings.accept(finding);
  }

  @Override
  public void unparsed(Unparsed item) {
    unparsed.accept(item);
  }

  @Override
  public void message(MessageRef message, ValidationResult result) {
    messages.accept(message, result);
  }
}
