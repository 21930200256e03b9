package io.qapi4j.validator;

import static org.assertj.core.api.Assertions.fail;

import io.qapi4j.model.Schema;
import io.qapi4j.validator.mutation.Mutant;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The mutation tests' verdict on one mutant: both engines must find the original message valid,
 * and flag the mutant with exactly the one expected error — same code, JSON Pointer and QEMU path
 * — the native engine in QEMU's words. A miss fails with both engines' results.
 */
public final class MutationCheck {

  private MutationCheck() {}

  /** How a message is validated: as a command, a reply, an event, or a bare value. */
  @FunctionalInterface
  public interface Target {

    /** Validates {@code message} with {@code validator}. */
    ValidationResult validate(QmpValidator validator, JsonNode message);

    /** A message a client sends. */
    static Target command() {
      return (v, m) -> v.validate(m, Direction.CLIENT, null);
    }

    /** A reply to {@code command}. */
    static Target reply(String command) {
      return (v, m) -> v.validate(m, Direction.SERVER, command);
    }

    /** An event. */
    static Target event() {
      return (v, m) -> v.validate(m, Direction.SERVER, null);
    }

    /** A bare value of {@code type}. */
    static Target value(String type) {
      return (v, m) -> v.validateType(type, m);
    }
  }

  /**
   * The two engines on one schema.
   *
   * @param nativeEngine the native engine
   * @param jsonSchema the JSON Schema engine, with the same options
   */
  public record Engines(QmpValidator nativeEngine, QmpValidator jsonSchema) {

    /** Both engines on {@code schema} for {@code protocol}, strict or lenient output. */
    public static Engines of(Schema schema, Protocol protocol, boolean lenientOutput) {
      QmpValidator.Builder b = QmpValidator.builder(schema).protocol(protocol)
          .lenientOutput(lenientOutput);
      return new Engines(b.build(), b.engine(Engine.JSON_SCHEMA).build());
    }

    /**
     * The schema the engines check: the one given, with {@code qmp_capabilities} for QMP (what a
     * mutator of their messages must walk).
     */
    public Schema schema() {
      return nativeEngine.schema();
    }
  }

  /**
   * A valid message and its mutants.
   *
   * @param source where the message comes from, for failure messages
   * @param original the valid message
   * @param target how it is validated
   * @param engines the engines that validate it
   * @param mutants its mutants
   */
  public record Case(String source, JsonNode original, Target target, Engines engines,
      List<Mutant> mutants) {}

  /** Whether both engines find the original valid. */
  public static boolean bothValid(Case c) {
    return c.target().validate(c.engines().nativeEngine(), c.original()).valid()
        && c.target().validate(c.engines().jsonSchema(), c.original()).valid();
  }

  /** Fails unless both engines find the original of {@code c} valid. */
  public static void requireValid(Case c) {
    EngineComparison r = compare(c, c.original());
    if (!r.nativeResult().valid() || !r.schemaResult().valid()) {
      fail(c.source() + " is not valid to begin with:" + r.describe());
    }
  }

  /**
   * Fails unless both engines flag {@code m} with exactly its expected error, the native engine
   * in its expected words.
   */
  public static void requireFlagged(Case c, Mutant m) {
    JsonNode message = m.message();
    EngineComparison r = compare(c, message);
    List<String> nativeErrors = r.nativeResult().errors().stream()
        .map(v -> EngineComparison.line(v) + " " + v.message()).toList();
    String expected = m.expected() + " " + m.qemuMessage();
    if (!nativeErrors.equals(List.of(expected))
        || !EngineComparison.errors(r.schemaResult()).equals(Set.of(m.expected()))) {
      fail("Mutant " + m.kind() + " (" + m.description() + ") of " + c.source()
          + "\n  expected:    " + expected + "\n  message:     " + message + r.describe());
    }
  }

  private static EngineComparison compare(Case c, JsonNode message) {
    return new EngineComparison(c.target().validate(c.engines().nativeEngine(), message),
        c.target().validate(c.engines().jsonSchema(), message));
  }
}
