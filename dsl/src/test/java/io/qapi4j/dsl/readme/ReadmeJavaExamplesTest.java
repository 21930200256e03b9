package io.qapi4j.dsl.readme;

import static io.qapi4j.dsl.Builtins.BOOL;
import static io.qapi4j.dsl.Builtins.INT;
import static io.qapi4j.dsl.Builtins.STR;
import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.dsl.EnumRef;
import io.qapi4j.dsl.InvalidMessageException;
import io.qapi4j.dsl.QapiMessage;
import io.qapi4j.dsl.QapiMessages;
import io.qapi4j.dsl.QapiSchema;
import io.qapi4j.dsl.SourceLines;
import io.qapi4j.dsl.StructRef;
import io.qapi4j.dsl.UnionRef;
import io.qapi4j.model.Diagnostic;
import io.qapi4j.model.DocComment;
import io.qapi4j.model.Schema;
import io.qapi4j.model.SchemaResult;
import io.qapi4j.model.print.SchemaPrinter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Java examples of {@code dsl/README.md}, compiled and run; {@link ReadmeTest} checks that
 * the README shows exactly this code. (A package of its own: only the public API is used.)
 */
class ReadmeJavaExamplesTest {

  static Schema blockdevSchema() {
    // readme:begin java-schema
    SchemaResult result = QapiSchema.build(s -> {
      EnumRef driver = s.enumType("BlockdevDriver", "file", "qcow2");
      StructRef base = s.struct("BlockdevOptionsBase", b -> {
        b.member("driver", driver);
        b.optional("node-name", STR);
      });
      StructRef file = s.struct("BlockdevOptionsFile", f -> f.member("filename", STR));
      StructRef qcow2 = s.struct("BlockdevOptionsQcow2", q -> {
        q.member("file", STR);
        q.optional("lazy-refcounts", BOOL, m -> m.feature("unstable"));
      });
      UnionRef options = s.union("BlockdevOptions", u -> {
        u.discriminator(base.member("driver"));     // the base is the member's struct
        u.branch(driver.value("file"), file);
        u.branch(driver.value("qcow2"), qcow2);
      });
      s.command("blockdev-add", c -> {
        c.boxed(options);
        c.allowPreconfig();
      });
      s.event("BLOCK_JOB_COMPLETED", e -> {
        e.member("device", STR);
        e.member("len", INT);
      });
    });
    Schema schema = result.orElseThrow();            // or: result.errors()
    // readme:end
    return schema;
  }

  @Test
  void schema() {
    Schema schema = blockdevSchema();
    assertThat(schema.command("blockdev-add")).isPresent();
    assertThat(SchemaPrinter.builder().build().print(schema)).contains("'union': 'BlockdevOptions'");
  }

  @Test
  void docs() {
    SchemaResult result = QapiSchema.build(s -> {
      // readme:begin java-docs
      s.struct("Point", p -> {
        p.doc("""
            A point.

            @x: the abscissa

            Since: 1.0
            """);
        p.member("x", INT);
      });
      // readme:end
    });
    DocComment doc = result.orElseThrow().definition("Point").orElseThrow().doc();
    assertThat(doc).isNotNull();
    assertThat(doc.member("x")).contains("the abscissa");
  }

  @Test
  void problems() {
    // readme:begin java-problems
    SchemaResult broken = QapiSchema.build(s -> s.struct("Point", p -> {
      p.member("x", INT);
      p.member("x", STR);
    }));
    for (Diagnostic error : broken.errors()) {
      System.err.println(error.text());
    }
    // readme:end
    String file = "io/qapi4j/dsl/readme/ReadmeJavaExamplesTest.java";
    int line = SourceLines.lineWith("java/" + file, "p.member(\"x\", STR);");
    assertThat(broken.errors()).extracting(Diagnostic::text).containsExactly(
        file + ": In struct 'Point':\n" + file + ":" + line + ": duplicate key 'x'");
  }

  @Test
  void messages() {
    Schema schema = blockdevSchema();
    // readme:begin java-messages
    QapiMessages qmp = QapiMessages.qmp(schema);
    QapiMessage add = qmp.execute("blockdev-add", c -> {
      c.id("add-1");
      c.put("driver", "qcow2");
      c.put("node-name", "disk0");
      c.put("file", "disk0-file");
    });
    String json = add.toJson();

    List<String> problems = List.of();
    try {
      qmp.execute("blockdev-add", c -> {
        c.put("driver", "qcow2");
        c.put("fiel", "disk0-file");
      });
    } catch (InvalidMessageException e) {
      problems = e.errors();
    }
    // readme:end
    assertThat(json).isEqualTo("{\"execute\":\"blockdev-add\",\"arguments\":{\"driver\":\"qcow2\","
        + "\"node-name\":\"disk0\",\"file\":\"disk0-file\"},\"id\":\"add-1\"}");
    assertThat(problems).containsExactly(
        "Parameter 'file' is missing", "Parameter 'fiel' is unexpected");
  }
}
