package io.qapi4j.validator.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qapi4j.model.Schema;
import io.qapi4j.model.read.SchemaReader;
import io.qapi4j.testing.ReadmeExamples;
import io.qapi4j.testing.SharedData;
import io.qapi4j.validator.CompatPolicy;
import io.qapi4j.validator.Direction;
import io.qapi4j.validator.Engine;
import io.qapi4j.validator.Protocol;
import io.qapi4j.validator.QmpValidator;
import io.qapi4j.validator.Severity;
import io.qapi4j.validator.ValidationResult;
import io.qapi4j.validator.Violation;
import io.qapi4j.validator.ViolationCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

/**
 * The validator's examples in the root README's "Validating messages" section: each {@code //
 * readme:begin NAME} region below is, line for line, the README block marked {@code <!-- readme:
 * NAME -->}, and the output the README shows is what the code prints.
 */
class ReadmeExamplesTest {

  private static final Path ROOT = SharedData.projectRoot();

  private static Schema master() {
    return SchemaReader.compat()
        .read(SharedData.shared("qemu-qapi/master/qapi/qapi-schema.json")).orElseThrow();
  }

  @Test
  void theReadmesValidatorExamplesAreThisTestsCode() {
    Map<String, String> readme = ReadmeExamples.blocks(ROOT.resolve("README.md"));
    Map<String, String> regions = ReadmeExamples.regions(
        ROOT.resolve("validator/src/test/java/io/qapi4j/validator/readme/ReadmeExamplesTest.java"));

    assertThat(regions).isNotEmpty();
    for (Map.Entry<String, String> e : regions.entrySet()) {
      assertThat(readme.get(e.getKey())).as("README block '%s'", e.getKey()).isEqualTo(e.getValue());
    }
    assertThat(readme.get("validator-output"))
        .isEqualTo(String.join("\n", printedBy(this::validateACommand)));
  }

  @Test
  void theReadmeListsEveryViolationCode() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);

    assertThat(Arrays.stream(ViolationCode.values()).map(c -> "`" + c + "`"))
        .allSatisfy(code -> assertThat(readme).contains(code));
  }

  private static List<String> printedBy(Runnable code) {
    PrintStream saved = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      code.run();
    } finally {
      System.setOut(saved);
    }
    return List.of(buffer.toString(StandardCharsets.UTF_8).split("\n"));
  }

  private void validateACommand() {
    Schema schema = master();
    // readme:begin validator-command
    QmpValidator validator = QmpValidator.of(schema);      // QMP, native engine; build once, share
    ValidationResult r = validator.validate("""
        {"execute": "blockdev-add",
         "arguments": {"driver": "qcow2", "node-name": "disk0", "discard": "maybe",
                       "file": {"driver": "file", "filename": 7, "aoi": "native"},
                       "cache": {"direct": true, "no-flush": 0}}}""");
    for (Violation v : r.errors()) {
      System.out.println(v.code() + " " + v.pointer() + " [" + v.path() + "] " + v.message());
    }
    // readme:end
    assertThat(r.valid()).isFalse();
  }

  @Test
  void repliesEventsAndBareValues() {
    Schema schema = master();
    QmpValidator validator = QmpValidator.of(schema);
    // readme:begin validator-replies
    // A reply can only be checked against the command it answers.
    validator.validate("{\"return\": {\"running\": true, \"status\": \"running\"}, \"id\": 1}",
        "query-status");
    // With the direction known, whatever a client sends is read as a command.
    JsonNode message = JsonMapper.shared().readTree("{\"return\": {}}");
    validator.validate(message, Direction.CLIENT, null);    // QMP input member 'return' is unexpected
    // A value of one type: "Invalid parameter type for '<anonymous>', expected: object".
    validator.validateType("BlockdevOptions", JsonMapper.shared().readTree("[]"));
    // readme:end
    assertThat(validator.validate("{\"return\": {\"running\": true, \"status\": \"running\"}, \"id\": 1}",
        "query-status").valid()).isTrue();
    assertThat(validator.validate(message, Direction.CLIENT, null).errors())
        .extracting(Violation::message).contains("QMP input member 'return' is unexpected");
    assertThat(validator.validateType("BlockdevOptions", JsonMapper.shared().readTree("[]")).errors())
        .extracting(Violation::message)
        .containsExactly("Invalid parameter type for '<anonymous>', expected: object");
  }

  @Test
  void options() {
    Schema schema = master();
    Schema qgaSchema = SchemaReader.compat()
        .read(SharedData.shared("qemu-qapi/master/qga/qapi-schema.json")).orElseThrow();
    // readme:begin validator-options
    QmpValidator strict = QmpValidator.builder(schema)
        .compatPolicy(new CompatPolicy(CompatPolicy.Action.REJECT, CompatPolicy.Action.WARN))
        .build();                                   // like -compat deprecated-input=reject
    QmpValidator lenient = QmpValidator.builder(schema)
        .lenientOutput(true)                        // replies and events may carry new members
        .engine(Engine.JSON_SCHEMA)                 // networknt on the exported JSON Schema
        .build();
    QmpValidator agent = QmpValidator.builder(qgaSchema).protocol(Protocol.QGA).build();
    // readme:end
    ValidationResult unstable = strict.validate("{\"execute\": \"x-query-virtio\"}");
    assertThat(unstable.valid()).isTrue();
    assertThat(unstable.violations()).singleElement().satisfies(v -> {
      assertThat(v.severity()).isEqualTo(Severity.WARNING);
      assertThat(v.message()).isEqualTo("Unstable command x-query-virtio accepted by policy");
    });
    assertThat(lenient.validate("{\"return\": {\"running\": true, \"status\": \"running\","
        + " \"new\": 1}}", "query-status").valid()).isTrue();
    assertThat(agent.validate("{\"execute\": \"guest-ping\"}").valid()).isTrue();
    assertThatThrownBy(() -> QmpValidator.builder(schema).engine(Engine.JSON_SCHEMA)
        .compatPolicy(CompatPolicy.WARN_ALL).build()).isInstanceOf(IllegalStateException.class);
  }
}
