package io.qapi4j.model.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qapi4j.model.ArrayType;
import io.qapi4j.model.Branch;
import io.qapi4j.model.Command;
import io.qapi4j.model.Condition;
import io.qapi4j.model.Definition;
import io.qapi4j.model.Diagnostic;
import io.qapi4j.model.DocComment;
import io.qapi4j.model.EnumType;
import io.qapi4j.model.EnumValue;
import io.qapi4j.model.Event;
import io.qapi4j.model.Feature;
import io.qapi4j.model.Member;
import io.qapi4j.model.Pragmas;
import io.qapi4j.model.Schema;
import io.qapi4j.model.SchemaDiff;
import io.qapi4j.model.SchemaResult;
import io.qapi4j.model.SourceLocation;
import io.qapi4j.model.StructType;
import io.qapi4j.model.UnionType;
import io.qapi4j.model.read.SchemaReader;
import io.qapi4j.testing.SharedData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the printer writes for models built in code, its options, its errors and its modules. */
class SchemaPrinterTest {

  private static final SourceLocation HERE = SourceLocation.of("SchemaPrinterTest.java", 1);
  private static final String MODE_LINES = "# -*- Mode: Python -*-\n# vim: filetype=python\n";
  private static final SchemaPrinter PRINTER = SchemaPrinter.builder().build();

  private static final EnumType COLOUR = new EnumType("Colour",
      List.of(EnumValue.of("red"), EnumValue.of("blue")), null, null, List.of(), null, HERE,
      false);
  private static final DocComment PONG_DOC = new DocComment("Pong", "A reply.",
      List.of(new DocComment.Description("colour", "The colour,\n    as chosen.")), List.of(),
      List.of(new DocComment.Section("Since", "1.0")), HERE);
  private static final StructType PONG = new StructType("Pong", null,
      List.of(Member.required("colour", "Colour")), null, List.of(), PONG_DOC, HERE, false);
  private static final StructType PING_ARGS = new StructType("q_obj_ping-arg", null,
      List.of(Member.required("count", "int"), Member.optional("colours", "ColourList")), null,
      List.of(), null, HERE, true);
  private static final Command PING = new Command("ping", PING_ARGS, PONG, false, true, true,
      false, false, false, null, List.of(), null, HERE);
  private static final StructType FIGURE_BASE = new StructType("q_obj_Figure-base", null,
      List.of(Member.required("kind", "Colour")), null, List.of(), null, HERE, true);
  private static final UnionType FIGURE = new UnionType("Figure", UnionType.Kind.FLAT,
      FIGURE_BASE, "kind", COLOUR, List.of(Branch.of("red", "Pong")), null, List.of(), null,
      HERE);
  private static final Event PINGED = new Event("PINGED", null, false,
      new Condition.Symbol("CONFIG_PING"), List.of(Feature.of("unstable")), null, HERE);

  private static final String IN_CODE_TEXT = MODE_LINES + """

      { 'enum': 'Colour', 'data': [ 'red', 'blue' ] }

      ##
      # @Pong:
      #
      # A reply.
      #
      # @colour: The colour,
      #     as chosen.
      #
      # Since: 1.0
      ##
      { 'struct': 'Pong', 'data': { 'colour': 'Colour' } }

      { 'command': 'ping',
        'data': { 'count': 'int', '*colours': ['Colour'] },
        'returns': 'Pong' }

      { 'union': 'Figure',
        'base': { 'kind': 'Colour' },
        'discriminator': 'kind',
        'data': { 'red': 'Pong' } }

      { 'event': 'PINGED', 'if': 'CONFIG_PING', 'features': [ 'unstable' ] }
      """;

  @Test
  void printsAModelBuiltInCodeWithItsImplicitTypesInline() {
    assertThat(PRINTER.print(inCode())).isEqualTo(IN_CODE_TEXT);
  }

  @Test
  void modelBuiltInCodeReadsBackEqual() {
    Schema reread = readCompat(PRINTER.print(inCode()));

    assertThat(SchemaDiff.differences(inCode(), reread)).isEmpty();
  }

  @Test
  void printToAppendsTheSameText() throws IOException {
    StringBuilder out = new StringBuilder("before\n");

    PRINTER.printTo(inCode(), out);

    assertThat(out).hasToString("before\n" + IN_CODE_TEXT);
  }

  @Test
  void withoutDocsPrintsNoCommentsAndOnlyTheDocsDiffer() {
    Schema schema = readCompat(PRINTER.print(inCode()));

    String printed = SchemaPrinter.builder().docs(false).build().print(schema);
    Schema reread = readCompat(printed);

    assertThat(printed).doesNotContain("##").doesNotContain("@colour");
    assertThat(reread.definition("Pong").orElseThrow().doc()).isNull();
    assertThat(SchemaDiff.differences(schema, reread)).containsExactly(
        "struct 'Pong' doc: DocComment != null");
    assertThat(SchemaDiff.builder().ignoreDocs(true).build().compare(schema, reread)).isEmpty();
  }

  @Test
  void lineWidthDecidesWhereExpressionsBreak() {
    Schema schema = schemaOf(PONG);

    assertThat(printWithWidth(schema, 80))
        .contains("\n{ 'struct': 'Pong', 'data': { 'colour': 'Colour' } }\n");
    assertThat(printWithWidth(schema, 40))
        .contains("\n{ 'struct': 'Pong',\n  'data': { 'colour': 'Colour' } }\n");
    assertThat(printWithWidth(schema, 30))
        .contains("\n{ 'struct': 'Pong',\n  'data':\n    { 'colour': 'Colour' } }\n");
  }

  @Test
  void rejectsANonPositiveLineWidth() {
    assertThatThrownBy(() -> SchemaPrinter.builder().lineWidth(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line width must be positive");
  }

  @Test
  void descriptionContinuationLinesWithoutIndentAreIndentedToStayInTheirDescription() {
    DocComment doc = new DocComment("Pong", "", List.of(
        new DocComment.Description("colour", "The colour,\nas chosen.")), List.of(), List.of(),
        HERE);
    StructType pong = new StructType("Pong", null, List.of(Member.required("colour", "Colour")),
        null, List.of(), doc, HERE, false);

    String printed = PRINTER.print(schemaOf(pong));
    DocComment reread = readCompat(printed).definition("Pong").orElseThrow().doc();

    assertThat(printed).contains("# @colour: The colour,\n#     as chosen.\n");
    assertThat(reread).isNotNull();
    assertThat(reread.members()).containsExactly(
        new DocComment.Description("colour", "The colour,\n    as chosen."));
  }

  @Test
  void backslashesAreEscaped() {
    EnumType escaped = new EnumType("Escaped", List.of(EnumValue.of("one")), "A\\B", null,
        List.of(), null, HERE, false);

    String printed = PRINTER.print(schemaOf(escaped));

    assertThat(printed).contains("'prefix': 'A\\\\B'");
    assertThat(((EnumType) readCompat(printed).definition("Escaped").orElseThrow()).prefix())
        .isEqualTo("A\\B");
  }

  @Test
  void rejectsTextThatNoQapiStringCanHold() {
    EnumType accented = new EnumType("Colour", List.of(EnumValue.of("caf\u00e9")), null, null,
        List.of(), null, HERE, false);
    StructType quoted = new StructType("Quoted", null, List.of(Member.required("it's", "int")),
        null, List.of(), null, HERE, false);

    assertThatThrownBy(() -> PRINTER.print(schemaOf(accented)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot print enum 'Colour'")
        .hasMessageContaining("caf\\u00E9")
        .hasMessageContaining("U+00E9");
    assertThatThrownBy(() -> PRINTER.print(schemaOf(quoted)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot print struct 'Quoted'")
        .hasMessageContaining("a single quote");
  }

  @Test
  void rejectsConditionsWithoutAWrittenForm() {
    StructType emptyAll = new StructType("Foo", null, List.of(), new Condition.All(List.of()),
        List.of(), null, HERE, false);
    StructType mixed = new StructType("Foo", null, List.of(), new Condition.Any(List.of(
        new Condition.Symbol("CONFIG_A"), new Condition.CExpression("defined(CONFIG_B)"))),
        List.of(), null, HERE, false);

    assertThatThrownBy(() -> PRINTER.print(schemaOf(emptyAll)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty 'all' condition");
    assertThatThrownBy(() -> PRINTER.print(schemaOf(mixed)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("C-expression condition ('defined(CONFIG_B)')");
  }

  @Test
  void printsOneFilePerModuleWithIncludes() {
    Schema schema = readCompatFile("printer/modules/root.json");

    Map<String, String> modules = PRINTER.printModules(schema);

    assertThat(modules).containsExactly(
        Map.entry("root.json", MODE_LINES + """

            { 'struct': 'First', 'data': { 'a': 'int' } }

            { 'include': 'sub/types.json' }

            { 'command': 'use', 'data': { 'b': 'Second', 'c': 'Third' } }
            """),
        Map.entry("sub/types.json", MODE_LINES + """

            { 'include': '../common.json' }

            { 'struct': 'Second', 'data': { 'b': 'str' } }
            """),
        Map.entry("common.json", MODE_LINES + """

            { 'struct': 'Third', 'data': { 'c': 'bool' } }
            """));
  }

  @Test
  void modulesReadBackEqual() {
    Schema schema = readCompatFile("printer/modules/root.json");

    SchemaResult reread = PrintedModules.read(SchemaReader.compat(), PRINTER.printModules(schema));

    assertThat(reread.errors()).isEmpty();
    assertThat(SchemaDiff.differences(schema, reread.orElseThrow())).isEmpty();
  }

  @Test
  void aSchemaBuiltInCodeIsOneModule() {
    assertThat(PRINTER.printModules(inCode()))
        .containsExactly(Map.entry(SchemaPrinter.DEFAULT_ROOT_MODULE, IN_CODE_TEXT));
  }

  @Test
  void pragmasArePrintedFirstAndOnlyWhenSet() {
    Pragmas pragmas = new Pragmas(true, List.of("ping_pong"), List.of(), List.of(), List.of());
    Schema schema = Schema.of(List.of(COLOUR), List.of(), List.of(), pragmas);

    assertThat(PRINTER.print(schema)).isEqualTo(MODE_LINES + """

        { 'pragma': { 'doc-required': true,
                      'command-name-exceptions': [ 'ping_pong' ] } }

        { 'enum': 'Colour', 'data': [ 'red', 'blue' ] }
        """);
    assertThat(PRINTER.print(schemaOf(COLOUR))).doesNotContain("pragma");
  }

  private static String printWithWidth(Schema schema, int lineWidth) {
    return SchemaPrinter.builder().docs(false).lineWidth(lineWidth).build().print(schema);
  }

  private static Schema inCode() {
    return Schema.of(List.of(COLOUR, PONG, PING_ARGS, PING, FIGURE_BASE, FIGURE, PINGED),
        List.of(ArrayType.of("Colour")), List.of(), Pragmas.NONE);
  }

  private static Schema schemaOf(Definition... definitions) {
    List<Definition> all = new ArrayList<>(List.of(COLOUR));
    for (Definition d : definitions) {
      all.removeIf(existing -> existing.name().equals(d.name()));
      all.add(d);
    }
    return Schema.of(all, List.of(), List.of(), Pragmas.NONE);
  }

  private static Schema readCompat(String text) {
    SchemaResult result = SchemaReader.compat().readText("printed.json", text);
    assertThat(result.errors()).extracting(Diagnostic::text).isEmpty();
    return result.orElseThrow();
  }

  private static Schema readCompatFile(String relative) {
    SchemaResult result = SchemaReader.compat().read(SharedData.testdata(relative));
    assertThat(result.errors()).extracting(Diagnostic::text).isEmpty();
    return result.orElseThrow();
  }
}
