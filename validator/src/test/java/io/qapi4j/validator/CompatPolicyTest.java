package io.qapi4j.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qapi4j.model.Schema;
import io.qapi4j.model.read.SchemaReader;
import io.qapi4j.testing.SharedData;
import io.qapi4j.validator.CompatPolicy.Action;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * QEMU's {@code -compat deprecated-input=...,unstable-input=...} for commands, members and enum
 * values, under each action, in QEMU's words ({@code "%s %s %s disabled by policy"},
 * qapi/qapi-util.c since 6.2; the command checked in qapi/qmp-dispatch.c, members and values in
 * qapi/qobject-input-visitor.c and input_type_enum()).
 */
class CompatPolicyTest {

  private static final Schema SCHEMA =
      SchemaReader.compat().read(SharedData.testdata("validator/golden.json")).orElseThrow();

  private static final String DEPRECATED_USES = "{\"execute\": \"plant\", \"arguments\": {\"tree\":"
      + " {\"leaves\": [{\"id\": \"a\", \"mode\": \"old\", \"old-knob\": true}]}}}";
  private static final String UNSTABLE_USES = "{\"execute\": \"plant\", \"arguments\": {\"tree\":"
      + " {\"leaves\": [{\"id\": \"a\", \"x-knob\": true}], \"modes\": [\"x-new\"]}}}";

  private static QmpValidator validator(Action deprecated, Action unstable) {
    return QmpValidator.builder(SCHEMA).compatPolicy(new CompatPolicy(deprecated, unstable)).build();
  }

  private static List<String> lines(ValidationResult r) {
    return r.violations().stream().map(v -> v.severity() + " " + v.code() + " " + v.pointer()
        + " " + v.message()).toList();
  }

  /** Every action for every feature; the other feature's policy rejects, and must not matter. */
  static Stream<Arguments> featuresAndActions() {
    return Stream.of(ViolationCode.DEPRECATED, ViolationCode.UNSTABLE)
        .flatMap(f -> Stream.of(Action.values()).map(a -> Arguments.of(f, a)));
  }

  @ParameterizedTest
  @MethodSource("featuresAndActions")
  void commandsMembersAndValuesUnderEachAction(ViolationCode feature, Action action) {
    boolean deprecated = feature == ViolationCode.DEPRECATED;
    QmpValidator v = deprecated ? validator(action, Action.REJECT) : validator(Action.REJECT, action);
    String d = action == Action.REJECT ? "ERROR " + feature : "WARNING " + feature;
    String words = action == Action.REJECT ? "disabled by policy" : "accepted by policy";

    ValidationResult command = v.validate(deprecated ? "{\"execute\": \"old-ping\"}"
        : "{\"execute\": \"x-ping\"}");
    ValidationResult uses = v.validate(deprecated ? DEPRECATED_USES : UNSTABLE_USES);

    if (action == Action.ACCEPT) {
      assertThat(lines(command)).isEmpty();
      assertThat(lines(uses)).isEmpty();
      return;
    }
    assertThat(lines(command)).containsExactly(deprecated
        ? d + " /execute Deprecated command old-ping " + words
        : d + " /execute Unstable command x-ping " + words);
    assertThat(lines(uses)).containsExactly(deprecated
        ? new String[] {
            d + " /arguments/tree/leaves/0/mode Deprecated value old " + words,
            d + " /arguments/tree/leaves/0/old-knob Deprecated parameter old-knob " + words}
        : new String[] {
            d + " /arguments/tree/leaves/0/x-knob Unstable parameter x-knob " + words,
            d + " /arguments/tree/modes/0 Unstable value x-new " + words});
    assertThat(command.valid()).isEqualTo(action == Action.WARN);
    assertThat(uses.valid()).isEqualTo(action == Action.WARN);
  }

  @Test
  void thePolicyAppliesToInputOnly() {
    QmpValidator v = validator(Action.REJECT, Action.REJECT);

    assertThat(v.validate("{\"return\": {\"leaves\": [{\"id\": \"a\", \"mode\": \"old\","
        + " \"old-knob\": true, \"x-knob\": true}], \"modes\": [\"x-new\"]}}", "plant").violations())
        .isEmpty();
    assertThat(v.validate("{\"return\": {}}", "old-ping").violations()).isEmpty();
  }

  @Test
  void theDefaultIsQemusAcceptEverything() {
    assertThat(QmpValidator.of(SCHEMA).validate(DEPRECATED_USES).violations()).isEmpty();
    assertThat(QmpValidator.of(SCHEMA).validate(UNSTABLE_USES).violations()).isEmpty();
  }

  @Test
  void theJsonSchemaEngineCannotApplyAPolicyAndTheBuilderSaysSo() {
    QmpValidator.Builder b = QmpValidator.builder(SCHEMA).engine(Engine.JSON_SCHEMA)
        .compatPolicy(new CompatPolicy(Action.REJECT, Action.ACCEPT));

    assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("JSON Schema engine cannot apply the compat policy");
    assertThat(QmpValidator.builder(SCHEMA).engine(Engine.JSON_SCHEMA)
        .compatPolicy(CompatPolicy.ACCEPT_ALL).build().validate(DEPRECATED_USES).valid()).isTrue();
  }
}
