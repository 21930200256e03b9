package io.qapi4j.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.qapi4j.jsonschema.Protocol;
import io.qapi4j.model.Command;
import io.qapi4j.model.Event;
import io.qapi4j.model.QapiType;
import io.qapi4j.model.Schema;
import io.qapi4j.validator.mutation.MutationKind;
import io.qapi4j.validator.mutation.Mutant;
import io.qapi4j.validator.mutation.Mutator;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every valid message of the suite and of QEMU's doc examples, broken one way at a time by the
 * {@link Mutator}: both engines must flag every mutant with exactly the one expected error — same
 * code, JSON Pointer and QEMU path — and the native engine with QEMU's words. The first miss fails
 * the test with both results; the counts per kind are printed.
 */
class MutationTest {

  /** A valid message, what it is checked as, and its mutants. */
  private record Case(String source, JsonNode original, Target target, QmpValidator[] engines,
      List<Mutant> mutants) {}

  /** How a message is validated: as a command, a reply, an event, or a bare value. */
  private interface Target {
    ValidationResult validate(QmpValidator validator, JsonNode message);
  }

  private final Map<MutationKind, int[]> counts = new EnumMap<>(MutationKind.class);
  private final Map<String, QmpValidator[]> validators = new HashMap<>();

  @Test
  void bothEnginesFlagEveryMutantOfTheSuiteWithTheRightError() throws Exception {
    List<Case> cases = new ArrayList<>();
    for (MessageSuite.Entry e : MessageSuite.entries()) {
      Case c = e.valid() ? suiteCase(e) : null;
      if (c != null) {
        cases.add(c);
      }
    }
    checkAll("the suite", cases, 100);
  }

  @Test
  void bothEnginesFlagEveryMutantOfQemusDocExamplesWithTheRightError() {
    List<Case> cases = new ArrayList<>();
    for (QemuExamples.Example e : QemuExamples.all()) {
      Case c = exampleCase(e);
      if (c != null) {
        cases.add(c);
      }
    }
    checkAll("QEMU's doc examples", cases, 400);
  }

  private void checkAll(String what, List<Case> cases, int atLeast) {
    int mutants = check(cases);
    StringBuilder table = new StringBuilder(String.format(
        "Mutants of %d valid messages of %s, all flagged by both engines with the right error:%n",
        cases.size(), what));
    counts.forEach((k, n) -> table.append(String.format("  %-22s %6d%n", k, n[0])));
    table.append(String.format("  %-22s %6d%n", "total", mutants));
    System.out.print(table);
    assertThat(cases).hasSizeGreaterThan(atLeast);
    assertThat(counts.keySet()).containsExactlyInAnyOrder(MutationKind.values());
  }

  private int check(List<Case> cases) {
    int n = 0;
    for (Case c : cases) {
      for (int i = 0; i < 2; i++) {
        ValidationResult r = c.target().validate(c.engines()[i], c.original());
        if (!r.valid()) {
          fail(c.source() + " is not valid to begin with: " + r.errors());
        }
      }
      for (Mutant m : c.mutants()) {
        check(c, m);
        counts.computeIfAbsent(m.kind(), k -> new int[1])[0]++;
        n++;
      }
    }
    return n;
  }

  private static void check(Case c, Mutant m) {
    EngineComparison r = new EngineComparison(c.target().validate(c.engines()[0], m.message()),
        c.target().validate(c.engines()[1], m.message()));
    List<String> nativeErrors = r.nativeResult().errors().stream()
        .map(v -> EngineComparison.line(v) + " " + v.message()).toList();
    String expected = m.expected() + " " + m.qemuMessage();
    if (!nativeErrors.equals(List.of(expected))
        || !EngineComparison.errors(r.schemaResult()).equals(Set.of(m.expected()))) {
      fail("Mutant " + m.kind() + " (" + m.description() + ") of " + c.source()
          + "\n  expected:    " + expected + "\n  message:     " + m.message() + r.describe());
    }
  }

  // ------------------------------------------------------------ cases

  private @Nullable Case suiteCase(MessageSuite.Entry e) throws Exception {
    Schema schema = MessageSuite.schema(e);
    QmpValidator[] engines = validators(e.schema() + e.defines() + e.lenient(), schema,
        Protocol.detect(schema) == Protocol.QGA ? io.qapi4j.validator.Protocol.QGA
            : io.qapi4j.validator.Protocol.QMP, e.lenient());
    Mutator mutator = new Mutator(schema, e.lenient());
    JsonNode value = MessageParser.MAPPER.readTree(e.text());
    String t = e.target();
    String source = "suite " + e.id() + ": " + e.text();
    int slash = t.indexOf('/');
    if (slash > 0) {
      String definition = t.substring(t.indexOf(':') + 1, slash);
      String part = t.substring(slash + 1);
      if (part.equals("reply")) {
        Command c = schema.command(definition).orElseThrow();
        return new Case(source, value, reply(c), engines, mutator.ofReply(value, c));
      }
      QapiType type = switch (part) {
        case "arguments" -> schema.command(definition).orElseThrow().arguments();
        case "returns" -> schema.command(definition).orElseThrow().returns();
        default -> schema.event(definition).orElseThrow().data();
      };
      return type == null ? null : bareCase(source, value, type, engines, mutator);
    }
    if (!t.contains(":")) {
      return bareCase(source, value, schema.type(t).orElseThrow(), engines, mutator);
    }
    return messageCase(source, value, schema, engines, mutator, null);
  }

  private @Nullable Case exampleCase(QemuExamples.Example e) {
    Schema schema = QemuExamples.schema(e.protocol());
    QmpValidator[] engines = validators(e.protocol(), schema, e.protocol().equals("qga")
        ? io.qapi4j.validator.Protocol.QGA : io.qapi4j.validator.Protocol.QMP, false);
    if (!engines[0].validate(e.message(), e.direction(), e.inReplyTo()).valid()) {
      return null;
    }
    return messageCase("QEMU example " + e.key() + ": " + e.text().replace("\n", " "),
        e.message(), schema, engines, new Mutator(schema, false), e.inReplyTo());
  }

  private static @Nullable Case messageCase(String source, JsonNode message, Schema schema,
      QmpValidator[] engines, Mutator mutator, @Nullable String inReplyTo) {
    if (message.has("execute")) {
      Command c = schema.command(message.get("execute").asString()).orElse(null);
      return c == null ? null : new Case(source, message,
          (v, m) -> v.validate(m, Direction.CLIENT, null), engines, mutator.ofCommand(message, c));
    }
    if (message.has("return") && inReplyTo != null) {
      Command c = schema.command(inReplyTo).orElse(null);
      return c == null ? null : new Case(source, message, reply(c), engines,
          mutator.ofReply(message, c));
    }
    if (message.has("event")) {
      Event ev = schema.event(message.get("event").asString()).orElse(null);
      return ev == null ? null : new Case(source, message,
          (v, m) -> v.validate(m, Direction.SERVER, null), engines, mutator.ofEvent(message, ev));
    }
    return null;
  }

  private static Target reply(Command c) {
    return (v, m) -> v.validate(m, Direction.SERVER, c.name());
  }

  private static Case bareCase(String source, JsonNode value, QapiType type,
      QmpValidator[] engines, Mutator mutator) {
    return new Case(source, value, (v, m) -> v.validateType(type.name(), m), engines,
        mutator.ofValue(value, type));
  }

  private QmpValidator[] validators(String key, Schema schema,
      io.qapi4j.validator.Protocol protocol, boolean lenient) {
    return validators.computeIfAbsent(key, k -> new QmpValidator[] {
      QmpValidator.builder(schema).protocol(protocol).lenientOutput(lenient).build(),
      QmpValidator.builder(schema).protocol(protocol).lenientOutput(lenient)
          .engine(Engine.JSON_SCHEMA).build()
    });
  }
}
