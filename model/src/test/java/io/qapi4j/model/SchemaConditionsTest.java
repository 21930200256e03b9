package io.qapi4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.model.read.SchemaReader;
import io.qapi4j.testing.SharedData;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Resolving {@code 'if'} conditions against a set of defined symbols. */
class SchemaConditionsTest {

  private static final String TEXT = """
      { 'enum': 'Color', 'data': [ 'red', { 'name': 'uv', 'if': 'CONFIG_UV' } ] }
      { 'struct': 'Point', 'data': { 'x': 'int',
          '*hint': { 'type': 'str', 'if': { 'not': 'CONFIG_UV' } },
          '*c': { 'type': 'Color', 'features': [ { 'name': 'deprecated', 'if': 'CONFIG_OLD' } ] } } }
      { 'struct': 'Gone', 'data': { 'p': ['Point'] }, 'if': { 'all': [ 'CONFIG_UV', 'CONFIG_OLD' ] } }
      { 'enum': 'Kind', 'data': [ 'a', 'b' ] }
      { 'union': 'U', 'base': { 'kind': 'Kind' }, 'discriminator': 'kind',
        'data': { 'a': 'Point', 'b': { 'type': 'Point', 'if': 'CONFIG_B' } } }
      { 'alternate': 'Alt', 'data': { 'p': 'Point', 'n': { 'type': 'int', 'if': 'CONFIG_N' } } }
      { 'command': 'cmd', 'data': { 'un': 'U', '*g': { 'type': 'int', 'if': 'CONFIG_UV' } },
        'returns': 'Point', 'boxed': false, 'if': { 'any': [ 'CONFIG_UV', 'CONFIG_X' ] } }
      { 'command': 'gone', 'if': 'CONFIG_OLD' }
      { 'event': 'EV', 'data': { 'p': 'Point' } }
      """;

  private static Schema schema() {
    return SchemaReader.compat().readText("t.json", TEXT).orElseThrow();
  }

  @Test
  void dropsWhatIsFalseAndKeepsWhatIsTrueWithoutConditions() {
    Schema resolved = SchemaConditions.resolve(schema(), Set.of("CONFIG_UV")::contains);

    EnumType color = (EnumType) resolved.type("Color").orElseThrow();
    assertThat(color.valueNames()).containsExactly("red", "uv");
    assertThat(color.values()).allMatch(v -> v.condition() == null);
    StructType point = (StructType) resolved.type("Point").orElseThrow();
    assertThat(point.members()).extracting(Member::name).containsExactly("x", "c");
    assertThat(point.member("c").orElseThrow().features()).isEmpty();
    assertThat(resolved.type("Gone")).isEmpty();
    assertThat(resolved.type("PointList")).as("an array goes with its element type").isPresent();
    UnionType u = (UnionType) resolved.type("U").orElseThrow();
    assertThat(u.branches()).extracting(Branch::name).containsExactly("a");
    assertThat(u.tagType()).isSameAs(resolved.type("Kind").orElseThrow());
    AlternateType alt = (AlternateType) resolved.type("Alt").orElseThrow();
    assertThat(alt.branches()).extracting(Branch::name).containsExactly("p");
    Command cmd = resolved.command("cmd").orElseThrow();
    assertThat(cmd.condition()).isNull();
    assertThat(cmd.argumentMembers()).extracting(Member::name).containsExactly("un", "g");
    assertThat(cmd.returns()).isSameAs(point);
    assertThat(resolved.command("gone")).isEmpty();
    assertThat(resolved.event("EV").orElseThrow().dataMembers()).hasSize(1);
  }

  @Test
  void nothingDefinedDropsEveryConditionalThing() {
    Schema resolved = SchemaConditions.resolve(schema(), s -> false);

    assertThat(((EnumType) resolved.type("Color").orElseThrow()).valueNames()).containsExactly("red");
    assertThat(((StructType) resolved.type("Point").orElseThrow()).members())
        .extracting(Member::name).containsExactly("x", "hint", "c");
    assertThat(resolved.command("cmd")).isEmpty();
    assertThat(resolved.types()).containsKeys("int", "strList", "QType", "q_empty");
  }

  @Test
  void everythingDefinedKeepsEveryDefinitionOfMaster() {
    Schema master = SchemaReader.compat()
        .read(SharedData.shared("qemu-qapi/master/qapi/qapi-schema.json")).orElseThrow();

    Schema resolved = SchemaConditions.resolve(master, s -> true);

    assertThat(resolved.types().keySet()).isEqualTo(master.types().keySet());
    assertThat(resolved.commands().keySet()).isEqualTo(master.commands().keySet());
    assertThat(resolved.events().keySet()).isEqualTo(master.events().keySet());
    assertThat(resolved.entities()).allMatch(d -> d.condition() == null);
  }
}
