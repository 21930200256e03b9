package io.qapi4j.validator;

import org.jspecify.annotations.Nullable;

/**
 * One way a message breaks the schema or the protocol.
 *
 * @param pointer where, as a JSON Pointer into the message ({@code /arguments/options/driver};
 *     empty for the whole message)
 * @param path where, as QEMU names it, relative to the payload ({@code options.driver},
 *     {@code a.b[2].c}); empty for envelope problems
 * @param code a stable code
 * @param message the human message, in QEMU's words where QEMU has them ({@code Parameter
 *     'options.driver' is missing})
 * @param severity how serious
 * @param element the schema element broken, or {@code null} for envelope problems
 */
public record Violation(
    String pointer,
    String path,
    ViolationCode code,
    String message,
    Severity severity,
    @Nullable SchemaElement element) {

  /** Whether this violation makes the message invalid. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  @Override
  public String toString() {
    return code + " at " + (pointer.isEmpty() ? "/" : pointer) + ": " + message;
  }
}
