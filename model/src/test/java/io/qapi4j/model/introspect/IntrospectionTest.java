package io.qapi4j.model.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.model.AlternateType;
import io.qapi4j.model.Command;
import io.qapi4j.model.DefinitionKind;
import io.qapi4j.model.Diagnostic;
import io.qapi4j.model.Schema;
import io.qapi4j.model.SchemaResult;
import io.qapi4j.model.UnionType;
import io.qapi4j.model.read.SchemaReader;
import io.qapi4j.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** query-qmp-schema: written exactly as QEMU generates it, and read back into the model. */
class IntrospectionTest {

  private static final JsonMapper JSON = JsonMapper.shared();
  private static final Path DIR = SharedData.testdata("introspection");

  private static Schema sample() {
    return SchemaReader.strict().read(DIR.resolve("sample.json")).orElseThrow();
  }

  private static JsonNode golden(String name) throws IOException {
    return JSON.readTree(Files.readString(DIR.resolve(name)));
  }

  @Test
  void writesWhatQemusGeneratorWritesMasked() throws IOException {
    assertThat(IntrospectionWriter.builder().build().write(sample()))
        .isEqualTo(golden("sample.masked.json"));
  }

  @Test
  void writesWhatQemusGeneratorWritesUnmasked() throws IOException {
    assertThat(IntrospectionWriter.builder().unmask(true).build().write(sample()))
        .isEqualTo(golden("sample.unmasked.json"));
  }

  @Test
  void resolvesConditionsLikeABuildOfQemuKeepingTheFullNumbering() throws IOException {
    ArrayNode written = IntrospectionWriter.builder().defined(Set.of("CONFIG_SQUARE")::contains)
        .build().write(sample());

    assertThat(written).isEqualTo(golden("sample.square.json"));
  }

  @Test
  void readingBackGivesTheSameIntrospection() {
    for (boolean unmask : List.of(false, true)) {
      IntrospectionWriter writer = IntrospectionWriter.builder().unmask(unmask).build();
      ArrayNode first = writer.write(sample());

      SchemaResult read = IntrospectionReader.read(first, "sample");

      assertThat(read.errors()).isEmpty();
      assertThat(writer.write(read.orElseThrow())).isEqualTo(first);
    }
  }

  @Test
  void readModelKeepsWhatIntrospectionShows() {
    Schema read = IntrospectionReader.read(IntrospectionWriter.builder().unmask(true).build()
        .write(sample()), "sample").orElseThrow();

    Command draw = read.command("draw").orElseThrow();
    assertThat(draw.allowOob()).isTrue();
    assertThat(draw.argumentMembers()).extracting(m -> m.name() + ":" + m.type() + (m.optional() ? "?" : ""))
        .containsExactly("shape:ShapeRef", "scale:int?");
    assertThat(draw.returns().name()).isEqualTo("PointList");
    UnionType shape = (UnionType) read.type("Shape").orElseThrow();
    assertThat(shape.discriminator()).isEqualTo("kind");
    assertThat(shape.base().implicit()).isTrue();
    assertThat(shape.branches()).extracting(b -> b.name() + ":" + b.type())
        .containsExactly("circle:Circle", "square:Square", "point:q_empty");
    AlternateType ref = (AlternateType) read.type("ShapeRef").orElseThrow();
    assertThat(ref.branches()).extracting(b -> b.type()).containsExactly("Shape", "str", "null");
  }

  @Test
  void masterWritesTheSameAfterAReadBack() {
    Schema master = SchemaReader.strict().read(SharedData.shared("qemu-qapi/master/qapi/qapi-schema.json"))
        .orElseThrow();
    ArrayNode written = IntrospectionWriter.builder().build().write(master);

    Schema read = IntrospectionReader.read(written, "master").orElseThrow();

    assertThat(written).hasSize(1222);
    assertThat(read.countsByKind().get(DefinitionKind.COMMAND)).isEqualTo(243);
    assertThat(read.countsByKind().get(DefinitionKind.EVENT)).isEqualTo(57);
    assertThat(IntrospectionWriter.builder().build().write(read)).isEqualTo(written);
  }

  @Test
  void qemu212sOwnReplyInLibvirtsCaptureReadsAndWritesBackUnchanged() throws IOException {
    JsonNode reply = replyTo("query-qmp-schema",
        SharedData.shared("corpus/libvirt-replies/caps_2.12.0.x86_64.replies"));

    SchemaResult read = IntrospectionReader.read(reply, "caps_2.12.0");

    assertThat(read.errors()).isEmpty();
    ArrayNode original = (ArrayNode) reply.get("return");
    assertThat(original).hasSize(742);
    ArrayNode rewritten = IntrospectionWriter.builder().unmask(true).build().write(read.orElseThrow());
    // QEMU 2.12 lists enums without 'members' (added in 6.2) and says "allow-oob": false.
    List<JsonNode> expected = new ArrayList<>();
    for (JsonNode e : original) {
      ObjectNode copy = (ObjectNode) e.deepCopy();
      if (copy.path("allow-oob").isBoolean() && !copy.get("allow-oob").asBoolean()) {
        copy.remove("allow-oob");
      }
      expected.add(copy);
    }
    List<JsonNode> actual = new ArrayList<>();
    for (JsonNode e : rewritten) {
      ObjectNode copy = (ObjectNode) e.deepCopy();
      if (copy.path("meta-type").asString("").equals("enum")) {
        copy.remove("members");
      }
      actual.add(copy);
    }
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void malformedIntrospectionIsReportedNotThrown() throws IOException {
    JsonNode bad = JSON.readTree("[{\"name\": \"x\", \"meta-type\": \"command\", \"arg-type\": \"9\","
        + " \"ret-type\": \"str\"}, {\"meta-type\": \"object\"}, 42]");

    SchemaResult result = IntrospectionReader.read(bad, "bad.json");

    assertThat(result.ok()).isFalse();
    assertThat(result.errors()).extracting(Diagnostic::text).contains(
        "bad.json:1: unknown type '9'", "bad.json:2: SchemaInfo entry lacks string member 'name'");
    assertThat(IntrospectionReader.read(JSON.readTree("{\"error\": {}}"), "e.json").errors())
        .extracting(Diagnostic::message).singleElement().asString().contains("SchemaInfo array");
  }

  /** The reply to the first {@code command} in a libvirt .replies transcript. */
  private static JsonNode replyTo(String command, Path transcript) throws IOException {
    List<JsonNode> messages = new ArrayList<>();
    try (var it = JSON.readerFor(JsonNode.class).<JsonNode>readValues(Files.readString(transcript))) {
      it.forEachRemaining(messages::add);
    }
    for (int i = 0; i < messages.size() - 1; i++) {
      if (command.equals(messages.get(i).path("execute").asString(""))) {
        return messages.get(i + 1);
      }
    }
    throw new AssertionError("no " + command + " in " + transcript);
  }
}
