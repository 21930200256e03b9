package io.qapi4j.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.model.Schema;
import io.qapi4j.testing.SharedData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A QMP export dispatches {@code qmp_capabilities} also for schemas that leave it to the monitor
 * (QEMU before 2.8); a QGA export does not.
 */
class QmpCapabilitiesExportTest {

  private static JsonNode defs(String seed) {
    Schema schema = Corpus.read(SharedData.testdata("seeds/" + seed));
    return JsonSchemaExporter.builder().docs(false).build().export(schema).get("$defs");
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asString()));
    return out;
  }

  @Test
  void aQemu17ExportHasTheCommandAndDispatchesIt() {
    JsonNode defs = defs("001-qmp-qapi-schema-v1.7-era.json");

    JsonNode command = defs.get("command:qmp_capabilities");
    assertThat(command).isNotNull();
    assertThat(command.at("/properties/execute/const").asString()).isEqualTo("qmp_capabilities");
    assertThat(defs.at("/q_obj_qmp_capabilities-arg/properties/enable/$ref").asString())
        .endsWith("/strList");
    assertThat(strings(defs.at("/qmp:command/properties/execute/enum")))
        .contains("qmp_capabilities");
    assertThat(defs.get("qmp:command").get("allOf").findValuesAsString("$ref"))
        .anyMatch(ref -> ref.endsWith("/command:qmp_capabilities"));
  }

  @Test
  void aGuestAgentExportHasNoNegotiation() {
    JsonNode defs = defs("004-qga-qapi-schema.json");

    assertThat(defs.get("command:qmp_capabilities")).isNull();
    assertThat(strings(defs.at("/qga:command/properties/execute/enum")))
        .doesNotContain("qmp_capabilities");
  }
}
