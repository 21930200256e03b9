package io.qapi4j.validator.capture;

import io.qapi4j.validator.Violation;

/**
 * A violation found in a capture: by the message validator, or by the session rules (an
 * unanswered command, a reply to nothing, a command before capabilities negotiation).
 *
 * @param message the message it is about
 * @param violation what is wrong
 */
public record CaptureFinding(MessageRef message, Violation violation) {

  /** {@code SOURCE:LINE: [CODE] name pointer: message}. */
  @Override
  public String toString() {
    String name = message.name();
    return message.where() + ": [" + violation.code() + "] " + (name == null ? "-" : name)
        + (violation.pointer().isEmpty() ? "" : " " + violation.pointer()) + ": "
        + violation.message();
  }
}
