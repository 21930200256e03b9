package io.qapi4j.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.qapi4j.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every example message of QEMU master's doc comments that is JSON (502 of 512; QGA has none) gets
 * the same verdict from both engines and the same errors — code, JSON Pointer and QEMU path;
 * only the message texts differ (networknt's own). Commands are read as client input, the rest as
 * server output; a reply is checked against the command it answers ({@link QemuExamples}). The
 * invalid ones are exactly those {@code json-schema-export/EXAMPLES.md} lists with the reason, and
 * with lenient output exactly those not marked "Unknown member." there still fail.
 */
class QemuExamplesDifferentialTest {

  private final Map<String, QmpValidator[]> validators = new HashMap<>();

  private QmpValidator[] validators(String protocol, boolean lenient) {
    return validators.computeIfAbsent(protocol + lenient, k -> {
      Protocol wire = protocol.equals("qga") ? Protocol.QGA : Protocol.QMP;
      var schema = QemuExamples.schema(protocol);
      return new QmpValidator[] {
        QmpValidator.builder(schema).protocol(wire).lenientOutput(lenient).build(),
        QmpValidator.builder(schema).protocol(wire).lenientOutput(lenient)
            .engine(Engine.JSON_SCHEMA).build()
      };
    });
  }

  @Test
  void bothEnginesAgreeOnEveryExampleAndTheInvalidOnesAreTheDocumentedOnes() throws Exception {
    List<QemuExamples.Example> examples = QemuExamples.all();
    Map<String, String> invalid = invalidExamples(examples, false);

    System.out.printf("QEMU examples: %d JSON messages, %d valid, %d invalid (same verdict and"
        + " errors in both engines)%n", examples.size(), examples.size() - invalid.size(),
        invalid.size());
    invalid.forEach((k, why) -> System.out.println("  " + k + ": " + why));
    assertThat(examples).hasSize(502);
    assertThat(invalid.keySet()).isEqualTo(documentedFailures(false));
  }

  @Test
  void withLenientOutputOnlyTheExamplesWithUnknownMembersAlonePass() throws Exception {
    TreeSet<String> expected = documentedFailures(false);
    expected.removeAll(documentedFailures(true));

    assertThat(invalidExamples(QemuExamples.all(), true).keySet()).isEqualTo(expected);
  }

  /** The invalid examples with their errors; fails on the first disagreement of the engines. */
  private Map<String, String> invalidExamples(List<QemuExamples.Example> examples,
      boolean lenient) {
    Map<String, String> invalid = new TreeMap<>();
    for (QemuExamples.Example e : examples) {
      QmpValidator[] v = validators(e.protocol(), lenient);
      EngineComparison c = new EngineComparison(
          v[0].validate(e.message(), e.direction(), e.inReplyTo()),
          v[1].validate(e.message(), e.direction(), e.inReplyTo()));
      String where = e.key() + " (" + e.definition() + (e.inReplyTo() == null ? ""
          : ", reply to " + e.inReplyTo()) + (lenient ? ", lenient output" : "") + ")\n  text: "
          + e.text().replace("\n", " ");
      if (!c.sameVerdict()) {
        fail("The engines disagree on " + where + c.describe());
      }
      if (!c.sameErrors()) {
        fail("The engines report different errors on " + where + c.describe());
      }
      if (!c.nativeResult().valid()) {
        invalid.put(e.key(), String.join("; ", EngineComparison.errors(c.nativeResult())));
      }
    }
    return invalid;
  }

  /**
   * The examples {@code json-schema-export/EXAMPLES.md} lists as failing, by file and line (only
   * those failing for an unknown member alone if {@code unknownMemberOnly}).
   */
  private static TreeSet<String> documentedFailures(boolean unknownMemberOnly) throws Exception {
    TreeSet<String> out = new TreeSet<>();
    for (String line : Files.readAllLines(
        SharedData.projectRoot().resolve("json-schema-export/EXAMPLES.md"), StandardCharsets.UTF_8)) {
      if (line.startsWith("| `qapi/") && (!unknownMemberOnly || line.contains("*Unknown member.*"))) {
        out.add(line.substring(3, line.indexOf('`', 3)));
      }
    }
    return out;
  }
}
