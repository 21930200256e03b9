package io.qapi4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.model.read.SchemaReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaDiffTest {

  private static final String FOO = "{ 'struct': 'Foo', 'data': { 'a': 'int', 'b': 'int' } }\n";

  @Test
  void equalSchemasHaveNoDifferences() {
    assertThat(SchemaDiff.differences(read(FOO), read(FOO))).isEmpty();
  }

  @Test
  void ignoresSourceLocationsAndModules() {
    Schema here = read("here.json", FOO);
    Schema there = read("elsewhere/there.json", "# moved down\n\n\n" + FOO);

    assertThat(there.definition("Foo").orElseThrow().location())
        .isNotEqualTo(here.definition("Foo").orElseThrow().location());
    assertThat(there.modules()).isNotEqualTo(here.modules());
    assertThat(SchemaDiff.differences(here, there)).isEmpty();
  }

  @Test
  void findsAChangedMemberType() {
    Schema changed = read("{ 'struct': 'Foo', 'data': { 'a': 'int', 'b': 'str' } }");

    assertThat(SchemaDiff.differences(read(FOO), changed))
        .containsExactly("struct 'Foo' members[1].type: 'int' != 'str'");
  }

  @Test
  void findsADroppedEnumValueOnce() {
    Schema before = read("{ 'enum': 'E', 'data': [ 'a', 'b', 'c', 'd' ] }");
    Schema after = read("{ 'enum': 'E', 'data': [ 'a', 'c', 'd' ] }");

    assertThat(SchemaDiff.differences(before, after))
        .containsExactly("enum 'E' values: missing 'b'");
  }

  @Test
  void findsAChangedFlag() {
    Schema before = read("{ 'command': 'go', 'allow-oob': true }");
    Schema after = read("{ 'command': 'go' }");

    assertThat(SchemaDiff.differences(before, after))
        .containsExactly("command 'go' allowOob: true != false");
  }

  @Test
  void findsChangedConditions() {
    Schema before = read("{ 'struct': 'Foo', 'data': { 'a': { 'type': 'int', 'if': 'CONFIG_A' } },"
        + " 'if': 'CONFIG_A' }");
    Schema after = read("{ 'struct': 'Foo', 'data': { 'a': 'int' },"
        + " 'if': { 'any': [ 'CONFIG_A', 'CONFIG_B' ] } }");

    assertThat(SchemaDiff.differences(before, after)).containsExactly(
        "struct 'Foo' members[0].condition: CONFIG_A != null",
        "struct 'Foo' condition: CONFIG_A != any[CONFIG_A, CONFIG_B]");
  }

  @Test
  void findsDocumentationDifferencesUnlessDocsAreIgnored() {
    Schema before = read("##\n# @Foo:\n#\n# Old text.\n##\n" + FOO);
    Schema after = read("##\n# @Foo:\n#\n# New text.\n##\n" + FOO);

    assertThat(SchemaDiff.differences(before, after))
        .containsExactly("struct 'Foo' doc.body: 'Old text.' != 'New text.'");
    SchemaDiff ignoringDocs = SchemaDiff.builder().ignoreDocs(true).build();
    assertThat(ignoringDocs.ignoresDocs()).isTrue();
    assertThat(ignoringDocs.compare(before, after)).isEmpty();
  }

  @Test
  void showsWhereLongTextsStartToDiffer() {
    String common = "This sentence is long enough that the whole of it would not help. ";
    Schema before = read("##\n# @Foo:\n#\n# " + common + "Old.\n##\n" + FOO);
    Schema after = read("##\n# @Foo:\n#\n# " + common + "New.\n##\n" + FOO);

    assertThat(SchemaDiff.differences(before, after)).containsExactly(
        "struct 'Foo' doc.body: ...' it would not help. Old.' != ...' it would not help. New.'"
            + " (first difference at character 66)");
  }

  @Test
  void findsAddedDefinitionsAndArrayTypes() {
    Schema after = read(FOO + "{ 'struct': 'Bar', 'data': { 'foos': ['Foo'] } }");

    assertThat(SchemaDiff.differences(read(FOO), after)).containsExactly(
        "definitions: extra struct 'Bar'",
        "array types: extra 'FooList'");
  }

  @Test
  void comparesAnEmbeddedDefinitionByNameOnly() {
    String bases = "{ 'struct': 'Base1', 'data': { 'x': 'int' } }\n"
        + "{ 'struct': 'Base2', 'data': { 'x': 'str' } }\n";
    Schema before = read(bases + "{ 'struct': 'Foo', 'base': 'Base1', 'data': {} }");
    Schema after = read(bases + "{ 'struct': 'Foo', 'base': 'Base2', 'data': {} }");

    assertThat(SchemaDiff.differences(before, after))
        .containsExactly("struct 'Foo' base: struct 'Base1' != struct 'Base2'");
  }

  @Test
  void findsAChangedKindOfDefinition() {
    Schema after = read("{ 'enum': 'Foo', 'data': [] }");

    assertThat(SchemaDiff.differences(read(FOO), after))
        .containsExactly("struct 'Foo': struct 'Foo' != enum 'Foo'");
  }

  @Test
  void findsChangedPragmas() {
    Schema after = read("{ 'pragma': { 'doc-required': true } }\n##\n# @Foo:\n##\n" + FOO);

    List<String> differences = SchemaDiff.builder().ignoreDocs(true).build()
        .compare(read(FOO), after);

    assertThat(differences).containsExactly("pragmas.docRequired: false != true");
  }

  private static Schema read(String text) {
    return read("schema.json", text);
  }

  private static Schema read(String name, String text) {
    SchemaResult result = SchemaReader.compat().readText(name, text);
    assertThat(result.errors()).isEmpty();
    return result.orElseThrow();
  }
}
