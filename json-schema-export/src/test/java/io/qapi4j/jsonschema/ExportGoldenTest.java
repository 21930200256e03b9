package io.qapi4j.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Representative exported definitions, compared exactly with the golden files in {@code
 * src/test/resources/golden/}. After an intended change, regenerate them with {@code
 * -Dqapi4j.updateGolden=true} and review the diff.
 */
class ExportGoldenTest {

  private static final Path GOLDEN =
      SharedData.projectRoot().resolve("json-schema-export/src/test/resources/golden");

  static Stream<Arguments> definitions() {
    return Stream.of(
        Arguments.of("struct-with-base.json", "suite-qmp", Draft.DRAFT_2020_12, false, "Point3"),
        Arguments.of("enum.json", "suite-qmp", Draft.DRAFT_2020_12, false, "Color"),
        Arguments.of("integers.json", "suite-qmp", Draft.DRAFT_2020_12, false, "int64,uint64,size,int32,uint8"),
        Arguments.of("flat-union.json", "suite-qmp", Draft.DRAFT_2020_12, false, "Shape,open:Circle,open:Poly"),
        Arguments.of("flat-union-draft-07.json", "suite-qmp", Draft.DRAFT_07, false, "Shape"),
        Arguments.of("simple-union.json", "suite-simple", Draft.DRAFT_2020_12, false, "Simple"),
        Arguments.of("alternate.json", "suite-qmp", Draft.DRAFT_2020_12, false, "Alt"),
        Arguments.of("command.json", "suite-qmp", Draft.DRAFT_2020_12, false, "command:set-scalars,q_obj_set-scalars-arg"),
        Arguments.of("command-oob.json", "suite-qmp", Draft.DRAFT_2020_12, false, "command:oob-ping"),
        Arguments.of("command-lenient.json", "suite-qmp", Draft.DRAFT_2020_12, true,
            "command:query-shape,out:Shape,out:Poly"),
        Arguments.of("event.json", "suite-qmp", Draft.DRAFT_2020_12, false, "event:MOVED,qmp:timestamp"),
        Arguments.of("envelopes-qga.json", "seed-004", Draft.DRAFT_2020_12, false,
            "qga:reply,qga:error,qga:message"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("definitions")
  void exportMatchesTheGoldenFile(String golden, String schema, Draft draft, boolean lenient,
      String keys) throws IOException {
    Path source = SharedData.testdata(schema.startsWith("seed-")
        ? "seeds/004-qga-qapi-schema.json" : "messages/schemas/" + schema + ".json");
    JsonNode bundle = JsonSchemaExporter.builder().draft(draft).id(schema).lenientOutput(lenient)
        .build().export(Corpus.read(source));
    ObjectNode picked = ExternalValidators.JSON.createObjectNode();
    for (String key : keys.split(",")) {
      JsonNode def = bundle.get(draft.defsKeyword()).get(key);
      assertThat(def).as(key).isNotNull();
      picked.set(key, def);
    }
    String actual = JsonText.pretty(picked);
    Path file = GOLDEN.resolve(golden);
    if (Boolean.getBoolean("qapi4j.updateGolden")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }
}
