package io.qapi4j.model.print;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.model.Diagnostic;
import io.qapi4j.model.Schema;
import io.qapi4j.model.SchemaDiff;
import io.qapi4j.model.SchemaResult;
import io.qapi4j.model.read.SchemaReader;
import io.qapi4j.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The printer's output for small hand-written schemas ({@code testdata/printer/NAME.json}) is
 * exactly {@code testdata/printer/NAME.expected.json}: {@code modern} in today's syntax,
 * untidily written; {@code legacy} with the constructs of old releases that must be printed in
 * their old syntax.
 */
class SchemaPrinterGoldenTest {

  private static final SchemaPrinter PRINTER = SchemaPrinter.builder().build();

  @ParameterizedTest
  @ValueSource(strings = {"modern", "legacy"})
  void printsExactlyTheExpectedText(String name) throws IOException {
    Schema schema = read(SharedData.testdata("printer/" + name + ".json"));

    assertThat(PRINTER.print(schema)).isEqualTo(expected(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"modern", "legacy"})
  void expectedTextReadsBackAsTheSameSchemaAndPrintsAsItself(String name) throws IOException {
    Schema schema = read(SharedData.testdata("printer/" + name + ".json"));
    Schema printed = read(SharedData.testdata("printer/" + name + ".expected.json"));

    assertThat(SchemaDiff.differences(schema, printed)).isEmpty();
    assertThat(PRINTER.print(printed)).isEqualTo(expected(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"modern.json", "modern.expected.json"})
  void modernSchemaIsValidForTodaysQemu(String file) {
    SchemaResult strict = SchemaReader.strict().read(SharedData.testdata("printer/" + file));

    assertThat(strict.errors()).extracting(Diagnostic::text).isEmpty();
  }

  private static Schema read(Path path) {
    SchemaResult result = SchemaReader.compat().read(path);
    assertThat(result.errors()).extracting(Diagnostic::text).isEmpty();
    return result.orElseThrow();
  }

  private static String expected(String name) throws IOException {
    return Files.readString(SharedData.testdata("printer/" + name + ".expected.json"));
  }
}
