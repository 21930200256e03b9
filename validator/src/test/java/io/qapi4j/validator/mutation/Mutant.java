package io.qapi4j.validator.mutation;

import io.qapi4j.validator.ViolationCode;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * A valid message broken one way, and the one violation the break must give. The broken message
 * is built on request, so that a message with thousands of mutants (a whole {@code
 * query-qmp-schema} reply) does not hold thousands of copies of itself.
 *
 * @param kind the kind of break
 * @param description what was changed, e.g. {@code drop 'a.b'}
 * @param broken builds a fresh copy of the broken message (or bare value) on each call
 * @param code the violation's code
 * @param pointer the violation's JSON Pointer
 * @param path the violation's QEMU path
 * @param qemuMessage the message QEMU gives (its full path or own name, per QEMU's C code)
 */
public record Mutant(MutationKind kind, String description, Supplier<JsonNode> broken,
    ViolationCode code, String pointer, String path, String qemuMessage) {

  /** The broken message (or bare value): a fresh copy on each call. */
  public JsonNode message() {
    return broken.get();
  }

  /** The expected violation as {@code CODE pointer [path]}, the form the tests compare. */
  public String expected() {
    return code + " " + (pointer.isEmpty() ? "/" : pointer) + " [" + path + "]";
  }
}
