package io.qapi4j.validator;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The verdict on one message: what it is, which command or event it names, and every violation.
 *
 * @param kind what the message is
 * @param name the command or event it names ({@code execute}, {@code exec-oob}, {@code event}),
 *     or for a reply the command it answers when known; {@code null} otherwise
 * @param id the message's {@code id} member, or {@code null}
 * @param violations every violation found, in message order where it matters
 */
public record ValidationResult(
    MessageKind kind, @Nullable String name, @Nullable JsonNode id, List<Violation> violations) {

  public ValidationResult {
    // Most messages have none: List.copyOf would still copy the empty list to an array.
    violations = violations.isEmpty() ? List.of() : List.copyOf(violations);
  }

  /** Whether the message has no error (warnings and notes allowed). */
  public boolean valid() {
    for (Violation v : violations) {
      if (v.isError()) {
        return false;
      }
    }
    return true;
  }

  /** The errors only. */
  public List<Violation> errors() {
    return violations.stream().filter(Violation::isError).toList();
  }
}
