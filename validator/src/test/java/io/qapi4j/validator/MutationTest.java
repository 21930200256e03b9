package io.qapi4j.validator;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.jsonschema.Protocol;
import io.qapi4j.model.Command;
import io.qapi4j.model.Event;
import io.qapi4j.model.QapiType;
import io.qapi4j.model.Schema;
import io.qapi4j.validator.MutationCheck.Case;
import io.qapi4j.validator.MutationCheck.Engines;
import io.qapi4j.validator.MutationCheck.Target;
import io.qapi4j.validator.mutation.MutantTally;
import io.qapi4j.validator.mutation.Mutant;
import io.qapi4j.validator.mutation.MutationKind;
import io.qapi4j.validator.mutation.Mutator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every valid message of the suite and of QEMU's doc examples, broken one way at a time by the
 * {@link Mutator}: both engines must flag every mutant with exactly the one expected error — same
 * code, JSON Pointer and QEMU path — and the native engine with QEMU's words ({@link
 * MutationCheck}). The first miss fails the test with both results; the counts per kind are
 * printed. The corpus's messages get the same treatment in {@code CorpusMutationTest}.
 */
class MutationTest {

  private final MutantTally tally = new MutantTally();
  private final Map<String, Engines> engines = new HashMap<>();

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
    for (Case c : cases) {
      MutationCheck.requireValid(c);
      for (Mutant m : c.mutants()) {
        MutationCheck.requireFlagged(c, m);
        tally.add("mutants", m.kind());
      }
    }
    System.out.printf("Mutants of %d valid messages of %s, all flagged by both engines with the"
        + " right error:%n%s", cases.size(), what, tally.table());
    assertThat(cases).hasSizeGreaterThan(atLeast);
    assertThat(tally.kinds()).containsExactlyInAnyOrder(MutationKind.values());
  }

  // ------------------------------------------------------------ cases

  private @Nullable Case suiteCase(MessageSuite.Entry e) throws Exception {
    Schema schema = MessageSuite.schema(e);
    Engines engines = engines(e.schema() + e.defines() + e.lenient(), schema,
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
        return new Case(source, value, Target.reply(c.name()), engines,
            mutator.ofReply(value, c));
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
    Engines engines = engines(e.protocol(), schema, e.protocol().equals("qga")
        ? io.qapi4j.validator.Protocol.QGA : io.qapi4j.validator.Protocol.QMP, false);
    if (!engines.nativeEngine().validate(e.message(), e.direction(), e.inReplyTo()).valid()) {
      return null;
    }
    return messageCase("QEMU example " + e.key() + ": " + e.text().replace("\n", " "),
        e.message(), schema, engines, new Mutator(schema, false), e.inReplyTo());
  }

  private static @Nullable Case messageCase(String source, JsonNode message, Schema schema,
      Engines engines, Mutator mutator, @Nullable String inReplyTo) {
    if (message.has("execute")) {
      Command c = schema.command(message.get("execute").asString()).orElse(null);
      return c == null ? null : new Case(source, message, Target.command(), engines,
          mutator.ofCommand(message, c));
    }
    if (message.has("return") && inReplyTo != null) {
      Command c = schema.command(inReplyTo).orElse(null);
      return c == null ? null : new Case(source, message, Target.reply(c.name()), engines,
          mutator.ofReply(message, c));
    }
    if (message.has("event")) {
      Event ev = schema.event(message.get("event").asString()).orElse(null);
      return ev == null ? null : new Case(source, message, Target.event(), engines,
          mutator.ofEvent(message, ev));
    }
    return null;
  }

  private static Case bareCase(String source, JsonNode value, QapiType type, Engines engines,
      Mutator mutator) {
    return new Case(source, value, Target.value(type.name()), engines,
        mutator.ofValue(value, type));
  }

  private Engines engines(String key, Schema schema, io.qapi4j.validator.Protocol protocol,
      boolean lenient) {
    return engines.computeIfAbsent(key, k -> Engines.of(schema, protocol, lenient));
  }
}
