package io.qapi4j.dsl;

import static io.qapi4j.dsl.Builtins.INT;
import static io.qapi4j.dsl.Builtins.STR;
import static io.qapi4j.dsl.Builtins.arrayOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.model.Diagnostic;
import io.qapi4j.model.SchemaResult;
import io.qapi4j.model.SourceLocation;
import io.qapi4j.model.parse.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mistakes come back as the reader reports them — same checker, same words — positioned at the
 * Java line that made the definition (or, for a key written twice, the second member).
 */
class SchemaProblemsTest {

  private static final String FILE = "io/qapi4j/dsl/SchemaProblemsTest.java";

  private static int line(String marker) {
    return SourceLines.lineOf("java/" + FILE, marker);
  }

  private static void assertOnlyError(SchemaResult result, String marker, String definition,
      String message) {
    assertThat(result.ok()).isFalse();
    assertThat(result.errors()).hasSize(1);
    Diagnostic error = result.errors().get(0);
    assertThat(error.location()).isEqualTo(SourceLocation.of(FILE, line(marker)));
    assertThat(error.definition()).isEqualTo(definition);
    assertThat(error.message()).isEqualTo(message);
  }

  @Test
  void duplicateMemberIsReportedAtTheSecondMember() {
    SchemaResult result = QapiSchema.build(s -> s.struct("Point", p -> {
      p.member("x", INT);
      p.member("x", INT); // <-- duplicate member
    }));
    assertOnlyError(result, "duplicate member", "struct 'Point'", "duplicate key 'x'");
    assertThat(result.errors().get(0).text()).isEqualTo(FILE + ": In struct 'Point':\n"
        + FILE + ":" + line("duplicate member") + ": duplicate key 'x'");
  }

  @Test
  void duplicateCommandArgumentAndBranchAreReportedToo() {
    SchemaResult result = QapiSchema.build(s -> {
      s.command("resize", c -> {
        c.member("size", INT);
        c.optional("size", INT); // the checker sees this one: 'size' and '*size' are two keys
      });
      s.alternate("Size", a -> {
        a.branch("bytes", INT);
        a.branch("bytes", STR); // <-- duplicate branch
      });
    });
    assertThat(result.errors()).extracting(Diagnostic::message).containsExactly(
        "duplicate key 'bytes'",
        "parameter 'size' collides with parameter 'size'");
    assertThat(result.errors().get(0).location().line()).isEqualTo(line("duplicate branch"));
  }

  @Test
  void duplicateEnumValueIsReportedAtTheValue() {
    SchemaResult result = QapiSchema.build(s -> s.enumType("Colour", e -> {
      e.value("red");
      e.value("green");
      e.value("red"); // <-- duplicate value
    }));
    assertOnlyError(result, "duplicate value", "enum 'Colour'",
        "value 'red' collides with value 'red'");
  }

  @Test
  void discriminatorNotInBase() {
    SchemaResult result = QapiSchema.build(s -> {
      EnumRef kind = s.enumType("Kind", "file", "host");
      StructRef base = s.struct("Base", b -> b.member("id", STR));
      StructRef other = s.struct("Other", o -> o.member("kind", kind));
      StructRef file = s.struct("FileOptions", f -> f.member("path", STR));
      s.union("Device", u -> { // <-- union
        u.base(base);
        u.discriminator(other.member("kind"));
        u.branch(kind.value("file"), file);
      });
    });
    assertOnlyError(result, "union", "union 'Device'",
        "discriminator 'kind' is not a member of 'base'");
  }

  @Test
  void alternateBranchesThatCannotBeToldApart() {
    SchemaResult result = QapiSchema.build(s -> {
      EnumRef mode = s.enumType("Mode", "on", "off");
      s.alternate("Setting", a -> { // <-- alternate
        a.branch("name", STR);
        a.branch("mode", mode);
      });
    });
    assertOnlyError(result, "alternate", "alternate 'Setting'",
        "branch 'mode' can't be distinguished from 'name'");
  }

  @Test
  void forwardReferenceNeverDefinedIsAnUnknownType() {
    SchemaResult result = QapiSchema.build(s -> {
      TypeRef node = s.forward("Node");
      s.struct("Tree", t -> t.member("children", arrayOf(node))); // <-- unknown type
    });
    assertOnlyError(result, "unknown type", "struct 'Tree'",
        "struct uses unknown type 'Node'");
  }

  @Test
  void forwardReferenceDefinedLaterIsFine() {
    SchemaResult result = QapiSchema.build(s -> {
      TypeRef node = s.forward("Node");
      s.struct("Tree", t -> t.member("children", arrayOf(node)));
      s.struct("Node", n -> {
        n.member("name", STR);
        n.optional("next", n.self());
      });
    });
    assertThat(result.errors()).isEmpty();
    assertThat(result.orElseThrow().type("NodeList")).isPresent();
  }

  @Test
  void legacyConstructsAreErrorsInTheStrictDialectAndWarningsInCompat() {
    Block<SchemaBuilder> legacy = s -> {
      StructRef alpha = s.struct("Alpha", x -> x.member("a", INT));
      s.simpleUnion("Legacy", u -> u.branch("a", alpha)); // <-- simple union
    };
    SchemaResult strict = QapiSchema.build(legacy);
    assertOnlyError(strict, "simple union", "union 'Legacy'",
        "union misses keys 'base', 'discriminator'");

    SchemaResult compat = QapiSchema.build(Dialect.COMPAT, legacy);
    assertThat(compat.errors()).isEmpty();
    assertThat(compat.warnings()).extracting(Diagnostic::message)
        .containsExactly("simple union (removed in QEMU 6.2)");
    assertThat(compat.warnings().get(0).location().line()).isEqualTo(line("simple union"));
  }

  @Test
  void documentationIsCheckedByTheReadersRulesWithLinesInTheTextBlock() {
    SchemaResult result = QapiSchema.build(s -> s.struct("Point", p -> {
      p.doc("""
          A point.

          @x: the abscissa

          @z: no such member
          """); // (the @z line above)
      p.member("x", INT);
    }));
    assertThat(result.errors()).extracting(Diagnostic::message)
        .containsExactly("documented member 'z' does not exist");
    assertThat(result.errors().get(0).location())
        .isEqualTo(SourceLocation.of(FILE, SourceLines.lineWith("java/" + FILE, "@z: no such member")));
  }

  @Test
  void documentedDefinitionsCarryTheirDocs() {
    SchemaResult result = QapiSchema.build(s -> s.struct("Point", p -> {
      p.doc("""
          A point.

          @x: the abscissa

          Since: 1.0
          """);
      p.member("x", INT);
    }));
    var doc = result.orElseThrow().type("Point").map(t -> ((io.qapi4j.model.StructType) t).doc())
        .orElseThrow();
    assertThat(doc.symbol()).isEqualTo("Point");
    assertThat(doc.body()).isEqualTo("A point.");
    assertThat(doc.member("x")).contains("the abscissa");
    assertThat(doc.section("Since")).contains("1.0");
  }

  @Test
  void callSitesSurviveLoopsThroughTheJdk() {
    SchemaResult result = QapiSchema.build(s -> s.enumType("Letters", e ->
        List.of("a", "b", "a").forEach(e::value))); // <-- forEach
    assertOnlyError(result, "forEach", "enum 'Letters'",
        "value 'a' collides with value 'a'");
  }
}
