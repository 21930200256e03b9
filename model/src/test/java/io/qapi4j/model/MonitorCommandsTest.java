package io.qapi4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.model.read.SchemaReader;
import io.qapi4j.testing.SharedData;
import org.junit.jupiter.api.Test;

/** {@code qmp_capabilities} added to schemas that leave it to the monitor (QEMU before 2.8). */
class MonitorCommandsTest {

  private static Schema read(String testdata) {
    return SchemaReader.compat().read(SharedData.testdata(testdata)).orElseThrow();
  }

  @Test
  void aSchemaWithoutTheCommandGetsItWithAnArrayOfStrings() {
    Schema v17 = read("seeds/001-qmp-qapi-schema-v1.7-era.json");
    assertThat(v17.command("qmp_capabilities")).isEmpty();

    Schema qmp = MonitorCommands.withQmpCapabilities(v17);

    Command c = qmp.command("qmp_capabilities").orElseThrow();
    assertThat(c.argumentMembers()).containsExactly(Member.optional("enable", "strList"));
    assertThat(c.returns()).isNull();
    assertThat(c.successResponse()).isTrue();
    assertThat(c.allowOob()).isFalse();
    assertThat(c.arguments().implicit()).isTrue();
    assertThat(qmp.type("strList")).isPresent();
    // Nothing else changes: the two additions are the only differences.
    assertThat(SchemaDiff.differences(v17, qmp)).containsExactly("definitions: extra struct"
        + " 'q_obj_qmp_capabilities-arg', extra command 'qmp_capabilities'");
    assertThat(qmp.definitions()).hasSize(v17.definitions().size() + 1);
    assertThat(qmp.modules()).isEqualTo(v17.modules());
  }

  @Test
  void theEnableArrayIsTypedByQmpCapabilityWhenTheSchemaHasIt() {
    Schema suite = read("messages/schemas/suite-qmp.json");
    assertThat(suite.command("qmp_capabilities")).isEmpty();

    Schema qmp = MonitorCommands.withQmpCapabilities(suite);

    assertThat(qmp.command("qmp_capabilities").orElseThrow().argumentMembers())
        .containsExactly(Member.optional("enable", "QMPCapabilityList"));
    assertThat(qmp.type("QMPCapabilityList")).contains(ArrayType.of("QMPCapability"));
  }

  @Test
  void aSchemaThatDefinesTheCommandIsReturnedAsItIs() {
    Schema session = read("captures/session-schema.json");
    assertThat(session.command("qmp_capabilities")).isPresent();

    assertThat(MonitorCommands.withQmpCapabilities(session)).isSameAs(session);
  }
}
