package io.qapi4j.model.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.model.Diagnostic;
import io.qapi4j.model.SchemaResult;
import io.qapi4j.model.parse.SourceLoader;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Limits that keep hostile schemas from overflowing the stack: each is a positioned error. */
class ReaderLimitsTest {

  @Test
  void aNulInAnIncludePathIsAnError() {
    SchemaResult r = SchemaReader.compat().readText("nul.json", "{ 'include': 'a\\u0000b.json' }\n");

    assertThat(r.errors()).extracting(Diagnostic::text)
        .containsExactly("nul.json:1: can't read include file 'a\u0000b.json': Invalid argument");
  }

  @Test
  void includeChainsDeeperThan64FilesAreRejected() {
    Map<String, String> files = new HashMap<>();
    for (int i = 0; i < 5000; i++) {
      files.put("inc" + i + ".json", "{ 'include': 'inc" + (i + 1) + ".json' }\n");
    }

    SchemaResult r = SchemaReader.compat().withLoader(SourceLoader.inMemory(files)).read("inc0.json");

    assertThat(r.errors()).singleElement().extracting(Diagnostic::message)
        .isEqualTo("includes nested deeper than 64 files");
    assertThat(r.errors().get(0).location().file()).isEqualTo("inc64.json");
  }

  @Test
  void nestedStructTypesWrittenInPlaceAreBounded() {
    String data = "'int'";
    for (int i = 0; i < 900; i++) {
      data = "{ 'a': " + data + " }";
    }

    SchemaResult r = SchemaReader.compat().readText("deep.json", "{ 'type': 'Deep', 'data': " + data + " }\n");

    assertThat(r.errors()).singleElement().extracting(Diagnostic::message).asString()
        .endsWith("nests struct types deeper than 32 levels");
  }

  @Test
  void aBaseChainThousandsDeepEndsInAResultNotAStackOverflow() throws InterruptedException {
    // Each struct's base is defined after it, so checking the first walks the whole chain.
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20000; i++) {
      text.append("{ 'struct': 'Sc").append(i).append("x', 'base': 'Sc").append(i + 1)
          .append("x', 'data': {} }\n");
    }
    text.append("{ 'struct': 'Sc20000x', 'data': {} }\n");
    SchemaResult[] result = new SchemaResult[1];
    // A small stack, so that the chain is too deep for the checker's recursion.
    Thread t = new Thread(null, () -> result[0] = SchemaReader.compat().readText("chain.json",
        text.toString()), "small-stack", 256 * 1024);
    t.start();
    t.join();

    assertThat(result[0]).isNotNull();
    assertThat(result[0].errors()).extracting(Diagnostic::message)
        .containsExactly("schema nested too deeply to check (bases or branches chained thousands of levels deep)");
  }
}
