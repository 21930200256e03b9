package io.qapi4j.model.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.model.Diagnostic;
import io.qapi4j.model.SchemaResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and broken input gives one positioned error value, never an exception. */
class ReaderInputTest {

  @TempDir Path dir;

  private SchemaResult read(String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return SchemaReader.strict().read(file.toString());
  }

  private String firstError(SchemaResult result) {
    assertThat(result.ok()).isFalse();
    return result.errors().get(0).text().replace(dir + "/", "");
  }

  @Test
  void anEmptyFileIsAnEmptySchemaAsInQemu() throws IOException {
    SchemaResult result = read("empty.json", new byte[0]);

    assertThat(result.ok()).isTrue();
    assertThat(result.orElseThrow().definitions()).isEmpty();
  }

  @Test
  void invalidUtf8IsReportedAtTheBadByte() throws IOException {
    byte[] bytes = "{ 'enum': 'E',\n  'data': [ 'a\u00e9' ] }\n".getBytes(StandardCharsets.UTF_8);
    bytes[bytes.length - 8] = (byte) 0xff;

    assertThat(firstError(read("bad.json", bytes)))
        .isEqualTo("bad.json:2:15: invalid UTF-8: can't decode byte 0xff at offset 29");
  }

  @Test
  void binaryGarbageIsAPositionedError() throws IOException {
    byte[] bytes = new byte[4096];
    new java.util.Random(42).nextBytes(bytes);

    assertThat(firstError(read("random.bin", bytes))).matches("random\\.bin:\\d+:\\d+: .+");
  }

  @Test
  void controlCharactersOutsideStringsAreStray() throws IOException {
    assertThat(firstError(read("nul.json", "{ 'enum': 'E' }\n\0\0\0".getBytes(StandardCharsets.UTF_8))))
        .isEqualTo("nul.json:2:1: stray '\\x00\\x00\\x00'");
  }

  @Test
  void deepNestingIsRejectedWithAPositionInsteadOfOverflowingTheStack() throws IOException {
    String text = "{ 'struct': 'S', 'data': " + "[".repeat(100_000) + "]".repeat(100_000) + " }\n";

    assertThat(firstError(read("deep.json", text.getBytes(StandardCharsets.UTF_8))))
        .isEqualTo("deep.json:1:1026: nesting deeper than 1000 levels");
  }

  @Test
  void includeLoopsDirectoriesAndMissingFiles() throws IOException {
    Files.writeString(dir.resolve("a.json"), "{ 'include': 'b.json' }\n");
    Files.writeString(dir.resolve("b.json"), "\n{ 'include': 'a.json' }\n");
    Files.createDirectory(dir.resolve("sub"));
    Files.writeString(dir.resolve("d.json"), "{ 'include': 'sub' }\n");
    Files.writeString(dir.resolve("m.json"), "{ 'include': 'nope.json' }\n");

    assertThat(firstError(SchemaReader.strict().read(dir.resolve("a.json").toString())))
        .isEqualTo("In file included from a.json:1:\nb.json:2: inclusion loop for a.json");
    assertThat(firstError(SchemaReader.strict().read(dir.resolve("d.json").toString())))
        .isEqualTo("d.json:1: can't read include file 'sub': Is a directory");
    assertThat(firstError(SchemaReader.strict().read(dir.resolve("m.json").toString())))
        .isEqualTo("m.json:1: can't read include file 'nope.json': No such file or directory");
  }

  @Test
  void aMissingRootFileIsReportedInQemusWordsWithoutPosition() {
    SchemaResult result = SchemaReader.strict().read(dir.resolve("none.json").toString());

    assertThat(result.partialSchema()).isNull();
    assertThat(result.errors()).extracting(Diagnostic::text).singleElement().asString()
        .endsWith("none.json': No such file or directory").startsWith("can't read schema file '");
  }
}
