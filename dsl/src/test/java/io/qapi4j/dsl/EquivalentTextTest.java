package io.qapi4j.dsl;

import static io.qapi4j.dsl.Builtins.ANY;
import static io.qapi4j.dsl.Builtins.BOOL;
import static io.qapi4j.dsl.Builtins.INT;
import static io.qapi4j.dsl.Builtins.NULL;
import static io.qapi4j.dsl.Builtins.NUMBER;
import static io.qapi4j.dsl.Builtins.SIZE;
import static io.qapi4j.dsl.Builtins.STR;
import static io.qapi4j.dsl.Builtins.arrayOf;
import static io.qapi4j.dsl.Conditions.all;
import static io.qapi4j.dsl.Conditions.allOf;
import static io.qapi4j.dsl.Conditions.any;
import static io.qapi4j.dsl.Conditions.cExpression;
import static io.qapi4j.dsl.Conditions.not;
import static io.qapi4j.dsl.Conditions.symbol;
import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.model.Diagnostic;
import io.qapi4j.model.Schema;
import io.qapi4j.model.SchemaDiff;
import io.qapi4j.model.SchemaResult;
import io.qapi4j.model.parse.Dialect;
import io.qapi4j.model.read.SchemaReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every construct of the schema language, written once as schema text and once in the DSL:
 * the two models are equal, documentation included, and so are the warnings.
 */
class EquivalentTextTest {

  /** Warnings about old syntax that the DSL always writes in today's form. */
  private static final List<String> OLD_SPELLINGS = List.of(
      "'type' was renamed 'struct'", "uses pseudo-type", "written as string");

  private static void assertSameModel(Dialect dialect, String text, Block<SchemaBuilder> dsl) {
    SchemaResult read = SchemaReader.of(dialect).readText("equivalent.json", text);
    assertThat(read.errors()).extracting(Diagnostic::text).isEmpty();
    SchemaResult built = QapiSchema.build(dialect, dsl);
    assertThat(built.errors()).extracting(Diagnostic::text).isEmpty();
    Schema expected = read.orElseThrow();
    assertThat(SchemaDiff.differences(expected, built.orElseThrow())).isEmpty();
    assertThat(built.warnings()).extracting(Diagnostic::message)
        .containsExactlyElementsOf(read.warnings().stream().map(Diagnostic::message)
            .filter(m -> OLD_SPELLINGS.stream().noneMatch(m::contains))
            .toList());
  }

  @Test
  void todaysLanguage() {
    String text = """
        { 'pragma': { 'doc-required': true,
                      'command-returns-exceptions': [ 'query-answer' ] } }
        ##
        # @Driver:
        #
        # A driver.
        #
        # @file: a file
        #
        # @nbd: a network block device
        #
        # @old: do not use
        #
        # Features:
        #
        # @deprecated: old
        #
        # Since: 9.0
        ##
        { 'enum': 'Driver', 'prefix': 'DRV',
          'data': [ 'file',
                    { 'name': 'nbd', 'if': 'CONFIG_NBD' },
                    { 'name': 'old', 'features': [ 'deprecated' ] } ] }
        ##
        # @Options:
        #
        # Options.
        #
        # @driver: the driver
        #
        # @id: an id
        #
        # @size: a size
        #
        # Features:
        #
        # @unstable: not yet
        #
        # @my-feature: mine
        ##
        { 'struct': 'Options',
          'data': { 'driver': 'Driver',
                    '*id': { 'type': 'str', 'features': [ 'unstable' ] },
                    '*size': { 'type': 'size',
                               'if': { 'all': [ 'CONFIG_A', { 'not': 'CONFIG_B' } ] } } },
          'features': [ 'my-feature' ] }
        ##
        # @FileOptions:
        #
        # File options.
        #
        # @filename: the file
        ##
        { 'struct': 'FileOptions', 'base': 'Options', 'data': { 'filename': 'str' } }
        ##
        # @Device:
        #
        # A device.
        #
        # @kind: the kind
        #
        # @name: the name
        ##
        { 'union': 'Device',
          'base': { 'kind': 'Driver', '*name': 'str' },
          'discriminator': 'kind',
          'data': { 'file': 'FileOptions',
                    'nbd': { 'type': 'Options', 'if': { 'any': [ 'CONFIG_NBD', 'CONFIG_X' ] } } } }
        ##
        # @Value:
        #
        # A value.
        #
        # @n: a number
        #
        # @l: a list
        #
        # @none: nothing
        ##
        { 'alternate': 'Value', 'data': { 'n': 'number', 'l': [ 'int' ], 'none': 'null' } }
        ##
        # @device-add:
        #
        # Adds a device.
        ##
        { 'command': 'device-add', 'data': 'Device', 'boxed': true,
          'allow-preconfig': true, 'coroutine': true }
        ##
        # @query-answer:
        #
        # The answer.
        #
        # Returns: the answer
        ##
        { 'command': 'query-answer', 'returns': 'int', 'allow-oob': true, 'gen': false,
          'success-response': false, 'if': 'CONFIG_ANSWER' }
        ##
        # @query-values:
        #
        # Values.
        #
        # @filter: a filter
        #
        # @any: anything
        #
        # @v: a value
        #
        # Returns: values
        ##
        { 'command': 'query-values', 'data': { '*filter': 'str', 'any': 'any', 'v': 'Value' },
          'returns': [ 'FileOptions' ] }
        ##
        # @CHANGED:
        #
        # Something changed.
        #
        # @id: what changed
        #
        # Features:
        #
        # @odd: sometimes
        ##
        { 'event': 'CHANGED', 'data': { 'id': 'str' },
          'features': [ { 'name': 'odd', 'if': 'CONFIG_ODD' } ] }
        """;
    assertSameModel(Dialect.STRICT, text, s -> {
      s.pragmas(p -> {
        p.docRequired();
        p.commandReturnsExceptions("query-answer");
      });
      EnumRef driver = s.enumType("Driver", e -> {
        e.doc("""

            A driver.

            @file: a file

            @nbd: a network block device

            @old: do not use

            Features:

            @deprecated: old

            Since: 9.0
            """);
        e.prefix("DRV");
        e.value("file");
        e.value("nbd", v -> v.condition(symbol("CONFIG_NBD")));
        e.value("old", v -> v.feature("deprecated"));
      });
      StructRef options = s.struct("Options", st -> {
        st.doc("""

            Options.

            @driver: the driver

            @id: an id

            @size: a size

            Features:

            @unstable: not yet

            @my-feature: mine
            """);
        st.member("driver", driver);
        st.optional("id", STR, m -> m.feature("unstable"));
        st.optional("size", SIZE,
            m -> m.condition(all(symbol("CONFIG_A"), not(symbol("CONFIG_B")))));
        st.feature("my-feature");
      });
      StructRef fileOptions = s.struct("FileOptions", st -> {
        st.doc("""

            File options.

            @filename: the file
            """);
        st.base(options);
        st.member("filename", STR);
      });
      UnionRef device = s.union("Device", u -> {
        u.doc("""

            A device.

            @kind: the kind

            @name: the name
            """);
        u.discriminator(u.baseMember("kind", driver));
        u.optionalBaseMember("name", STR);
        u.branch(driver.value("file"), fileOptions);
        u.branch(driver.value("nbd"), options,
            b -> b.condition(any(symbol("CONFIG_NBD"), symbol("CONFIG_X"))));
      });
      AlternateRef value = s.alternate("Value", a -> {
        a.doc("""

            A value.

            @n: a number

            @l: a list

            @none: nothing
            """);
        a.branch("n", NUMBER);
        a.branch("l", arrayOf(INT));
        a.branch("none", NULL);
      });
      s.command("device-add", c -> {
        c.doc("""

            Adds a device.
            """);
        c.boxed(device);
        c.allowPreconfig();
        c.coroutine();
      });
      s.command("query-answer", c -> {
        c.doc("""

            The answer.

            Returns: the answer
            """);
        c.returns(INT);
        c.allowOob();
        c.noGen();
        c.noSuccessResponse();
        c.condition(symbol("CONFIG_ANSWER"));
      });
      s.command("query-values", c -> {
        c.doc("""

            Values.

            @filter: a filter

            @any: anything

            @v: a value

            Returns: values
            """);
        c.optional("filter", STR);
        c.member("any", ANY);
        c.member("v", value);
        c.returns(arrayOf(fileOptions));
      });
      s.event("CHANGED", e -> {
        e.doc("""

            Something changed.

            @id: what changed

            Features:

            @odd: sometimes
            """);
        e.member("id", STR);
        e.feature("odd", symbol("CONFIG_ODD"));
      });
    });
  }

  @Test
  void legacyLanguageInTheCompatDialect() {
    String text = """
        { 'type': 'Base', 'data': { 'id': 'str' } }
        { 'type': 'Info',
          'data': { 'version': { 'major': 'int', '*minor': 'int' }, 'name': 'str' } }
        { 'union': 'Legacy', 'base': 'Base',
          'data': { 'info': 'Info', 'flag': 'bool', 'inline': { 'type': { 'x': 'int' } } } }
        { 'union': 'Ref', 'discriminator': {}, 'data': { 'definition': 'Info', 'name': 'str' } }
        { 'type': 'OptsBase', 'data': { 'driver': 'str' } }
        { 'union': 'Opts', 'base': 'OptsBase', 'discriminator': 'driver',
          'data': { 'file': 'Base', 'info': 'Info' } }
        { 'command': 'qom-get', 'data': { 'path': 'str', 'value': 'visitor' },
          'returns': 'visitor', 'gen': 'no' }
        { 'command': 'query-old', 'returns': { 'a': 'int', 'b': [ 'str' ] } }
        { 'command': 'query-arch', 'returns': 'Base', 'if': 'defined(TARGET_I386)' }
        { 'command': 'query-both', 'if': [ 'defined(A)', 'defined(B)' ] }
        """;
    assertSameModel(Dialect.COMPAT, text, s -> {
      StructRef base = s.struct("Base", st -> st.member("id", STR));
      StructRef info = s.struct("Info", st -> {
        st.nested("version", n -> {
          n.member("major", INT);
          n.optional("minor", INT);
        });
        st.member("name", STR);
      });
      s.simpleUnion("Legacy", u -> {
        u.base(base);
        u.branch("info", info);
        u.branch("flag", BOOL);
        u.nestedBranch("inline", n -> n.member("x", INT));
      });
      s.alternate("Ref", a -> {
        a.anonymousUnion();
        a.branch("definition", info);
        a.branch("name", STR);
      });
      StructRef optsBase = s.struct("OptsBase", st -> st.member("driver", STR));
      s.union("Opts", u -> {
        u.discriminator(optsBase.member("driver"));
        u.branch("file", base);
        u.branch("info", info);
      });
      s.command("qom-get", c -> {
        c.member("path", STR);
        c.member("value", ANY);
        c.returns(ANY);
        c.noGen();
      });
      s.command("query-old", c -> c.returnsNested(n -> {
        n.member("a", INT);
        n.member("b", arrayOf(STR));
      }));
      s.command("query-arch", c -> {
        c.returns(base);
        c.condition(cExpression("defined(TARGET_I386)"));
      });
      s.command("query-both", c -> c.condition(allOf(List.of("defined(A)", "defined(B)"))));
    });
  }
}
