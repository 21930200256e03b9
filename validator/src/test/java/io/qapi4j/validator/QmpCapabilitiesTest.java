package io.qapi4j.validator;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.model.Schema;
import io.qapi4j.model.read.SchemaReader;
import io.qapi4j.testing.SharedData;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code qmp_capabilities} is known to both engines whatever the schema: QEMU 1.7's schema leaves
 * it to the monitor, the suite's schema has {@code QMPCapability} but no such command; a guest
 * agent validator still does not know it.
 */
class QmpCapabilitiesTest {

  private static final Schema V17 = read("seeds/001-qmp-qapi-schema-v1.7-era.json");
  private static final Schema SUITE = read("messages/schemas/suite-qmp.json");

  private static Schema read(String testdata) {
    return SchemaReader.compat().read(SharedData.testdata(testdata)).orElseThrow();
  }

  private static QmpValidator validator(Schema schema, Engine engine) {
    return QmpValidator.builder(schema).engine(engine).build();
  }

  private static List<ViolationCode> codes(ValidationResult r) {
    return r.violations().stream().map(Violation::code).toList();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void negotiationIsValidWithASchemaThatLacksTheCommand(Engine engine) {
    QmpValidator v = validator(V17, engine);

    ValidationResult command = v.validate("{\"execute\": \"qmp_capabilities\", \"id\": 1}");
    assertThat(command.violations()).isEmpty();
    assertThat(command.name()).isEqualTo("qmp_capabilities");
    assertThat(v.validate("{\"execute\": \"qmp_capabilities\","
        + " \"arguments\": {\"enable\": [\"oob\"]}}").violations()).isEmpty();
    assertThat(v.validate("{\"return\": {}, \"id\": 1}", "qmp_capabilities").violations())
        .isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void itsArgumentsAndReplyAreStillChecked(Engine engine) {
    QmpValidator v = validator(V17, engine);

    assertThat(codes(v.validate("{\"execute\": \"qmp_capabilities\","
        + " \"arguments\": {\"enable\": \"oob\"}}"))).containsExactly(ViolationCode.INVALID_TYPE);
    assertThat(codes(v.validate("{\"execute\": \"qmp_capabilities\","
        + " \"arguments\": {\"oob\": true}}"))).containsExactly(ViolationCode.UNEXPECTED_MEMBER);
    assertThat(codes(v.validate("{\"return\": {\"oob\": true}}", "qmp_capabilities")))
        .containsExactly(ViolationCode.UNEXPECTED_MEMBER);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void capabilityNamesAreTheSchemasEnumWhenItHasOne(Engine engine) {
    QmpValidator v = validator(SUITE, engine);

    assertThat(v.validate("{\"execute\": \"qmp_capabilities\","
        + " \"arguments\": {\"enable\": [\"oob\"]}}").violations()).isEmpty();
    assertThat(codes(v.validate("{\"execute\": \"qmp_capabilities\","
        + " \"arguments\": {\"enable\": [\"telepathy\"]}}")))
        .containsExactly(ViolationCode.INVALID_ENUM_VALUE);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void theGuestAgentHasNoNegotiation(Engine engine) {
    QmpValidator qga = QmpValidator.builder(V17).protocol(Protocol.QGA).engine(engine).build();

    assertThat(codes(qga.validate("{\"execute\": \"qmp_capabilities\"}")))
        .containsExactly(ViolationCode.UNKNOWN_COMMAND);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void theValidatorStillReportsTheSchemaAsGiven(Engine engine) {
    assertThat(validator(V17, engine).schema()).isSameAs(V17);
  }
}
