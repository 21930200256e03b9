package io.qapi4j.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.jsonschema.ExternalValidators.MessageJob;
import io.qapi4j.jsonschema.ExternalValidators.MessageVerdict;
import io.qapi4j.jsonschema.ThreeValidators.Bundle;
import io.qapi4j.testing.QemuDocExamples;
import io.qapi4j.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The QMP examples of QEMU master's doc comments ({@code ../shared/qemu-qapi/master/examples.jsonl})
 * that parse as JSON, checked against the master export by networknt, ajv and python-jsonschema:
 * commands against {@code qmp:command}, events against {@code qmp:event}, errors against {@code
 * qmp:error}, and a success reply against the reply schema of the command sent before it in the
 * same example ({@code command:NAME/reply}; {@code qmp:reply} when there is none).
 *
 * <p>The three validators agree on every example, and the examples that fail are exactly those
 * listed, with the reason, in {@code json-schema-export/EXAMPLES.md}.
 */
class QemuExamplesTest {

  /** One checked example. */
  record Example(String key, String definition, String target, String text) {}

  static List<Example> examples() {
    List<Example> out = new ArrayList<>();
    for (QemuDocExamples.Example e : QemuDocExamples.read()) {
      if (!e.schema().equals("qmp")) {
        continue;
      }
      JsonNode json = e.json();
      String target;
      if (json.has("execute") || json.has("exec-oob")) {
        target = "qmp:command";
      } else if (json.has("event")) {
        target = "qmp:event";
      } else if (json.has("error")) {
        target = "qmp:error";
      } else if (json.has("return")) {
        target = e.commandBefore() == null ? "qmp:reply" : "command:" + e.commandBefore() + "/reply";
      } else {
        target = "qmp:message";
      }
      out.add(new Example(e.key(), e.definition(), target, e.text()));
    }
    return out;
  }

  @Test
  void allThreeValidatorsAgreeOnEveryExampleAndTheFailuresAreTheDocumentedOnes() throws Exception {
    List<Example> examples = examples();
    assertThat(examples).hasSizeGreaterThan(450);
    JsonNode bundle = JsonSchemaExporter.builder().id("master").build()
        .export(Corpus.read(Corpus.masterQmp()));
    Bundle b = new Bundle("master", Draft.DRAFT_2020_12, bundle);
    List<MessageJob> jobs = new ArrayList<>();
    Map<String, Example> byId = new LinkedHashMap<>();
    for (Example e : examples) {
      String target = e.target();
      if (target.startsWith("command:") && !bundle.get("$defs").has(target.substring(0, target.indexOf('/')))) {
        target = "qmp:reply"; // the example's command is not in the schema: its failure is reported there
      }
      jobs.add(new MessageJob(e.key(), "master", ThreeValidators.pointer(Draft.DRAFT_2020_12, target), e.text()));
      byId.put(e.key(), e);
    }
    Map<String, Map<String, MessageVerdict>> verdicts =
        ThreeValidators.run(Path.of("target/qemu-examples").toAbsolutePath(), List.of(b), jobs);

    List<String> disagreements = new ArrayList<>();
    TreeSet<String> failing = new TreeSet<>();
    StringBuilder report = new StringBuilder();
    for (MessageJob job : jobs) {
      Map<String, Boolean> said = new LinkedHashMap<>();
      ThreeValidators.NAMES.forEach(v -> said.put(v, verdicts.get(v).get(job.id()).valid()));
      if (said.values().stream().distinct().count() != 1 || said.containsValue(null)) {
        disagreements.add(job.id() + " " + said);
      }
      if (Boolean.FALSE.equals(said.get("networknt"))) {
        failing.add(job.id());
        Example e = byId.get(job.id());
        report.append(String.format("| `%s` | %s | `%s` | %s |%n", e.key(), e.definition(),
            job.target().replace("#/$defs/", "").replace("/$defs/", "/"),
            verdicts.get("networknt").get(job.id()).error().replace("|", "\\|")));
      }
    }
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/qemu-examples-failing.md"), report.toString());
    System.out.printf("QEMU examples: %d checked, %d fail, %d disagreements%n", jobs.size(),
        failing.size(), disagreements.size());
    assertThat(disagreements).as("examples the validators disagree on").isEmpty();
    assertThat(failing).as("failing examples vs. those documented in EXAMPLES.md (see target/qemu-examples-failing.md)")
        .isEqualTo(documentedFailures(false));

    // With lenient output, exactly those failing only for an unknown member pass.
    JsonNode lenient = JsonSchemaExporter.builder().id("master-lenient").lenientOutput(true).build()
        .export(Corpus.read(Corpus.masterQmp()));
    Networknt nn = Networknt.of(Draft.DRAFT_2020_12, lenient);
    TreeSet<String> failingLenient = new TreeSet<>();
    for (MessageJob job : jobs) {
      if (nn.firstError(lenient.get("$id").asString() + job.target(), job.text()) != null) {
        failingLenient.add(job.id());
      }
    }
    TreeSet<String> expectedLenient = documentedFailures(false);
    expectedLenient.removeAll(documentedFailures(true));
    assertThat(failingLenient).as("failing with --lenient-output").isEqualTo(expectedLenient);
  }

  /** The examples EXAMPLES.md lists (only those marked "Unknown member." if {@code unknownOnly}). */
  private static TreeSet<String> documentedFailures(boolean unknownOnly) throws Exception {
    Path doc = SharedData.projectRoot().resolve("json-schema-export/EXAMPLES.md");
    TreeSet<String> out = new TreeSet<>();
    Pattern row = Pattern.compile("^\\| `([^`]+\\.json:\\d+)` \\|");
    if (Files.exists(doc)) {
      for (String line : Files.readAllLines(doc, StandardCharsets.UTF_8)) {
        Matcher m = row.matcher(line);
        if (m.find() && (!unknownOnly || line.contains("*Unknown member.*"))) {
          out.add(m.group(1));
        }
      }
    }
    return out;
  }
}
