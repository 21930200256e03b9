package io.qapi4j.model.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.model.AlternateType;
import io.qapi4j.model.BuiltinType;
import io.qapi4j.model.Command;
import io.qapi4j.model.Condition;
import io.qapi4j.model.Diagnostic;
import io.qapi4j.model.EnumType;
import io.qapi4j.model.Member;
import io.qapi4j.model.Schema;
import io.qapi4j.model.SchemaResult;
import io.qapi4j.model.StructType;
import io.qapi4j.model.UnionType;
import io.qapi4j.testing.SharedData;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the compat dialect reads the syntax of older QEMU releases into the one model. */
class CompatDialectTest {

  private static SchemaResult compat(String text) {
    return SchemaReader.compat().readText("old.json", text);
  }

  private static SchemaResult strict(String text) {
    return SchemaReader.strict().readText("old.json", text);
  }

  @Test
  void typeKeywordIsAStructWithAWarningAndAnErrorInStrictMode() {
    String text = "{ 'type': 'Foo', 'data': { 'a': 'int' } }\n";

    SchemaResult result = compat(text);

    assertThat(result.orElseThrow().type("Foo")).get().isInstanceOf(StructType.class);
    assertThat(result.warnings()).extracting(Diagnostic::message)
        .containsExactly("'type' was renamed 'struct' in QEMU 2.4");
    assertThat(strict(text).errors()).extracting(Diagnostic::text).containsExactly(
        "old.json:1: expression must have exactly one key 'enum', 'struct', 'union', 'alternate',"
            + " 'command', 'event'");
  }

  @Test
  void simpleUnionHasAnImplicitKindEnumAndTypeDataWireForm() {
    Schema schema = compat("{ 'union': 'U', 'data': { 'a': 'int', 'b': ['str'] } }\n").orElseThrow();

    UnionType u = (UnionType) schema.type("U").orElseThrow();
    assertThat(u.unionKind()).isEqualTo(UnionType.Kind.SIMPLE);
    assertThat(u.discriminator()).isEqualTo("type");
    assertThat(u.tagType().name()).isEqualTo("UKind");
    assertThat(u.tagType().valueNames()).containsExactly("a", "b");
    assertThat(u.branches()).extracting(b -> b.name() + ":" + b.type()).containsExactly("a:int", "b:strList");
    assertThat(u.allMembers()).extracting(Member::name).containsExactly("type");
    assertThat(((EnumType) schema.type("UKind").orElseThrow()).implicit()).isTrue();
  }

  @Test
  void anonymousUnionIsAnAlternateThatRemembersItsOrigin() {
    Schema schema = compat("{ 'type': 'Opts', 'data': { 'a': 'int' } }\n"
        + "{ 'union': 'Ref', 'discriminator': {}, 'data': { 'definition': 'Opts', 'reference': 'str' } }\n")
        .orElseThrow();

    AlternateType ref = (AlternateType) schema.type("Ref").orElseThrow();
    assertThat(ref.anonymousUnion()).isTrue();
    assertThat(ref.branches()).extracting(b -> b.type()).containsExactly("Opts", "str");
  }

  @Test
  void flatUnionOfQemu17MayDiscriminateByAStringMember() {
    Schema schema = compat("{ 'type': 'Base', 'data': { 'driver': 'str', '*id': 'str' } }\n"
        + "{ 'type': 'File', 'data': { 'filename': 'str' } }\n"
        + "{ 'union': 'Opts', 'base': 'Base', 'discriminator': 'driver',"
        + " 'data': { 'file': 'File', 'raw': 'File' } }\n").orElseThrow();

    UnionType opts = (UnionType) schema.type("Opts").orElseThrow();
    assertThat(opts.isFlat()).isTrue();
    assertThat(opts.tagType().valueNames()).containsExactly("file", "raw");
    assertThat(opts.allMembers()).extracting(Member::name).containsExactly("driver", "id");
  }

  @Test
  void pseudoTypesStringFlagsAndCExpressionConditions() {
    Schema schema = compat("{ 'command': 'device_add',"
        + " 'data': {'driver': 'str', '*props': '**'}, 'gen': 'no' }\n"
        + "{ 'command': 'qom-get', 'data': {'path': 'str'}, 'returns': 'visitor', 'gen': 'no' }\n"
        + "{ 'command': 'query-spice', 'if': 'defined(CONFIG_SPICE) && !defined(CONFIG_X)' }\n"
        + "{ 'command': 'query-both', 'if': ['defined(A)', 'defined(B)'] }\n").orElseThrow();

    Command add = schema.command("device_add").orElseThrow();
    assertThat(add.gen()).isFalse();
    assertThat(add.argumentMembers()).extracting(Member::type).containsExactly("str", "any");
    assertThat(schema.command("qom-get").orElseThrow().returns()).isEqualTo(BuiltinType.ANY);

    Condition spice = schema.command("query-spice").orElseThrow().condition();
    assertThat(spice).isInstanceOf(Condition.CExpression.class);
    assertThat(spice.evaluate(Set.of("CONFIG_SPICE")::contains)).isTrue();
    assertThat(spice.evaluate(Set.of("CONFIG_SPICE", "CONFIG_X")::contains)).isFalse();
    assertThat(spice.symbols()).containsExactly("CONFIG_SPICE", "CONFIG_X");

    Condition both = schema.command("query-both").orElseThrow().condition();
    assertThat(both).isInstanceOfSatisfying(Condition.All.class, all -> assertThat(all.isLegacyList()).isTrue());
    assertThat(both.evaluate(Set.of("A")::contains)).isFalse();
    assertThat(both.evaluate(Set.of("A", "B")::contains)).isTrue();
  }

  @Test
  void genuineMistakesAreStillErrorsInCompatMode() {
    assertThat(compat("{ 'struct': 'Foo', 'data': { 'a': 'Bar' } }\n").errors())
        .extracting(Diagnostic::text)
        .containsExactly("old.json: In struct 'Foo':\nold.json:1: member 'a' uses unknown type 'Bar'");
    assertThat(compat("{ 'type': 'Foo', 'data': { 'a': 'int', 'a': 'str' } }\n").errors())
        .extracting(Diagnostic::message).containsExactly("duplicate key 'a'");
    assertThat(compat("{ 'enum': 'E', 'data': ['x'] }\n{ 'type': 'B', 'data': { 'k': 'E' } }\n"
        + "{ 'union': 'U', 'base': 'B', 'discriminator': 'kind', 'data': { 'x': 'B' } }\n").errors())
        .extracting(Diagnostic::message).containsExactly("discriminator 'kind' is not a member of 'base'");
  }

  @Test
  void optionalCommasOfQemu10To15AreWarnings() {
    SchemaResult result = compat("{ 'enum': 'Mode'\n  'data': [ 'a' 'b', ] }\n");

    assertThat(result.ok()).isTrue();
    assertThat(((EnumType) result.orElseThrow().type("Mode").orElseThrow()).valueNames())
        .containsExactly("a", "b");
    assertThat(result.warnings()).extracting(w -> w.location().line() + ":" + w.location().column())
        .containsExactly("2:3", "2:17", "2:22");
  }

  @Test
  void everyReleaseBefore62UsesSomeObsoleteSyntaxAndLaterOnesNone() {
    assertThat(SchemaReader.compat().read(SharedData.shared("qemu-qapi/releases/v6.1.0/qapi/qapi-schema.json"))
        .warnings()).isNotEmpty();
    assertThat(SchemaReader.compat().read(SharedData.shared("qemu-qapi/releases/v6.2.0/qapi/qapi-schema.json"))
        .warnings()).isEmpty();
  }
}
