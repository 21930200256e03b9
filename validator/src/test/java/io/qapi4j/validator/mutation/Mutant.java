package io.qapi4j.validator.mutation;

import io.qapi4j.validator.ViolationCode;
import tools.jackson.databind.JsonNode;

/**
 * A valid message broken one way, and the one violation the break must give.
 *
 * @param kind the kind of break
 * @param description what was changed, e.g. {@code drop 'a.b'}
 * @param message the broken message (or bare value)
 * @param code the violation's code
 * @param pointer the violation's JSON Pointer
 * @param path the violation's QEMU path
 * @param qemuMessage the message QEMU gives (its full path or own name, per QEMU's C code)
 */
public record Mutant(MutationKind kind, String description, JsonNode message, ViolationCode code,
    String pointer, String path, String qemuMessage) {

  /** The expected violation as {@code CODE pointer [path]}, the form the tests compare. */
  public String expected() {
    return code + " " + (pointer.isEmpty() ? "/" : pointer) + " [" + path + "]";
  }
}
