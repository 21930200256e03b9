package io.qapi4j.dsl;

import io.qapi4j.validator.Violation;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Thrown when a message built with {@link QapiMessages} breaks its schema: a command or event
 * the schema does not have, a misspelt or missing member, a value of the wrong type... The
 * message lists the validator's violations in QEMU's words, with a suggestion for misspelt
 * names:
 *
 * <pre>
 * invalid QMP command 'blockdev-add':
 *   /arguments/options/drvier: Parameter 'options.drvier' is unexpected (did you mean 'driver'?)
 *   /arguments/options/driver: Parameter 'options.driver' is missing
 * in {"execute":"blockdev-add","arguments":{"options":{"drvier":"qcow2"}}}
 * </pre>
 */
public final class InvalidMessageException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;
  private final transient JsonNode message;

  InvalidMessageException(String text, List<Violation> violations, JsonNode message) {
    super(text);
    this.violations = List.copyOf(violations);
    this.message = message;
  }

  /** The validator's violations (errors only). */
  public List<Violation> violations() {
    return violations;
  }

  /** The validator's messages, in QEMU's words, one per violation. */
  public List<String> errors() {
    return violations.stream().map(Violation::message).toList();
  }

  /** The message as built (a copy). */
  public JsonNode builtMessage() {
    return message.deepCopy();
  }
}
