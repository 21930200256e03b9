package io.qapi4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code qapi4j check} on hostile input: every case gives a positioned error (where a position
 * exists) and exit 1 or 2, never a stack trace, StackOverflowError or OutOfMemoryError.
 */
class CheckBadInputTest {

  @TempDir Path dir;

  @Test
  void emptyFileIsAValidEmptySchemaWithANote() throws IOException {
    String file = Files.writeString(dir.resolve("empty.json"), "").toString();

    CliRun run = CliRun.of("check", file).assertNoStackTrace();

    assertThat(run.exitCode()).isEqualTo(ExitCode.CLEAN);
    assertThat(run.out()).isEqualTo(
        "note: " + file + " defines nothing (QEMU accepts an empty schema)\n"
        + file + ": ok, 0 definitions (0 struct, 0 enum, 0 union, 0 alternate, 0 command,"
        + " 0 event), 0 warnings, compat dialect\n");
  }

  @Test
  void commentOnlyFileIsEmptyToo() throws IOException {
    String file = Files.writeString(dir.resolve("comments.json"), "# nothing here\n").toString();

    CliRun run = CliRun.of("check", "--strict", file);

    assertThat(run.exitCode()).isEqualTo(ExitCode.CLEAN);
    assertThat(run.out()).startsWith("note: " + file + " defines nothing");
  }

  @Test
  void binaryFileGivesThePositionOfTheFirstBadByte() throws IOException {
    String file = BadSchemaFiles.binary(dir, 64 * 1024).toString();

    CliRun run = CliRun.of("check", file).assertNoStackTrace();

    assertThat(run.exitCode()).isEqualTo(ExitCode.FINDINGS);
    assertThat(run.out()).containsPattern(
        "(?m)^\\Q" + file + "\\E:\\d+:\\d+: invalid UTF-8: can't decode byte 0x[0-9a-f]{2}"
        + " at offset \\d+$");
  }

  @Test
  void invalidUtf8InAStringIsPositionedAtTheBadByte() throws IOException {
    Path path = dir.resolve("string.json");
    Files.write(path, bytes("{ 'enum': 'Foo',\n  'data': [ 'a", 0xff, "b' ] }\n"));

    CliRun run = CliRun.of("check", path.toString()).assertNoStackTrace();

    assertThat(run.exitCode()).isEqualTo(ExitCode.FINDINGS);
    assertThat(run.out()).startsWith(
        path + ":2:15: invalid UTF-8: can't decode byte 0xff at offset 31\n");
  }

  @Test
  void invalidUtf8InACommentIsPositionedAtTheBadByte() throws IOException {
    Path path = dir.resolve("comment.json");
    Files.write(path, bytes("{ 'enum': 'Foo', 'data': [] }\n# comment ", 0xc3, "( here\n"));

    CliRun run = CliRun.of("check", "--format", "json", path.toString()).assertNoStackTrace();

    assertThat(run.exitCode()).isEqualTo(ExitCode.FINDINGS);
    JsonNode error = CheckCommandTest.parseSingleDocument(run.out()).get("errors").get(0);
    assertThat(error.get("line").intValue()).isEqualTo(2);
    assertThat(error.get("col").intValue()).isEqualTo(11);
    assertThat(error.get("text").stringValue())
        .isEqualTo(path + ":2:11: invalid UTF-8: can't decode byte 0xc3 at offset 40");
  }

  @Test
  void fiftyMegabyteValidSchemaIsChecked() throws IOException {
    Path path = dir.resolve("large.json");
    int definitions = BadSchemaFiles.writeLargeValid(path);

    CliRun run = CliRun.of("check", path.toString()).assertNoStackTrace();

    assertThat(Files.size(path)).isGreaterThanOrEqualTo(BadSchemaFiles.LARGE_SIZE);
    assertThat(run.exitCode()).isEqualTo(ExitCode.CLEAN);
    assertThat(run.out()).isEqualTo(path + ": ok, " + definitions + " definitions (0 struct, "
        + definitions + " enum, 0 union, 0 alternate, 0 command, 0 event), 0 warnings,"
        + " compat dialect\n");
  }

  @Test
  void fiftyMegabyteSchemaWithSyntaxErrorAtTheEndIsPositionedOnTheLastLine() throws IOException {
    Path path = dir.resolve("large-error.json");
    long lastLine = BadSchemaFiles.writeLargeWithErrorAtEnd(path);

    CliRun run = CliRun.of("check", path.toString()).assertNoStackTrace();

    assertThat(run.exitCode()).isEqualTo(ExitCode.FINDINGS);
    int column = BadSchemaFiles.UNCLOSED_LAST_LINE.length() + 1;
    assertThat(run.out()).startsWith(
        path + ":" + lastLine + ":" + column + ": expected ',' or '}'\n");
  }

  @Test
  void hundredThousandNestedBracketsAreRejectedAtDepth1000() throws IOException {
    String file = BadSchemaFiles.deeplyNested(dir, 100_000).toString();

    CliRun run = CliRun.of("check", file).assertNoStackTrace();

    assertThat(run.exitCode()).isEqualTo(ExitCode.FINDINGS);
    // "{ 'x': " is 7 columns; the 1001st bracket is at column 1008.
    assertThat(run.out()).startsWith(file + ":1:1008: nesting deeper than 1000 levels\n");
  }

  @Test
  void deepNestingFitsASmallThreadStack() throws Exception {
    String file = BadSchemaFiles.deeplyNested(dir, 100_000).toString();
    AtomicReference<CliRun> result = new AtomicReference<>();
    Thread small = new Thread(null, () -> result.set(CliRun.of("check", file)), "xss512k",
        512 * 1024);
    small.start();
    small.join();

    assertThat(result.get().exitCode()).isEqualTo(ExitCode.FINDINGS);
    assertThat(result.get().assertNoStackTrace().out()).contains(":1:1008: nesting deeper");
  }

  @Test
  void includeLoopIsReportedWithTheIncludeChain() throws IOException {
    Path first = Files.writeString(dir.resolve("loop1.json"), "{ 'include': 'loop2.json' }\n");
    Files.writeString(dir.resolve("loop2.json"), "\n{ 'include': 'loop1.json' }\n");

    CliRun run = CliRun.of("check", first.toString()).assertNoStackTrace();

    assertThat(run.exitCode()).isEqualTo(ExitCode.FINDINGS);
    assertThat(run.out()).startsWith("In file included from " + first + ":1:\n"
        + dir.resolve("loop2.json") + ":2: inclusion loop for loop1.json\n");
  }

  @Test
  void includeOfADirectoryIsAPositionedFinding() throws IOException {
    Files.createDirectory(dir.resolve("adir"));
    Path root = Files.writeString(dir.resolve("root.json"),
        "{ 'enum': 'A', 'data': [] }\n{ 'include': 'adir' }\n");

    CliRun run = CliRun.of("check", root.toString()).assertNoStackTrace();

    assertThat(run.exitCode()).isEqualTo(ExitCode.FINDINGS);
    assertThat(run.out()).startsWith(
        root + ":2: can't read include file '" + dir.resolve("adir") + "': Is a directory\n");
  }

  @Test
  void missingIncludeIsAPositionedFinding() throws IOException {
    Path root = Files.writeString(dir.resolve("root.json"),
        "# first line\n{ 'include': 'nothere.json' }\n");

    CliRun run = CliRun.of("check", root.toString()).assertNoStackTrace();

    assertThat(run.exitCode()).isEqualTo(ExitCode.FINDINGS);
    assertThat(run.out()).startsWith(root + ":2: can't read include file '"
        + dir.resolve("nothere.json") + "': No such file or directory\n");
  }

  @Test
  void missingRootFileIsAnIoErrorInQemuWords() {
    String file = dir.resolve("missing.json").toString();

    CliRun run = CliRun.of("check", file).assertNoStackTrace();

    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo(
        "qapi4j: can't read schema file '" + file + "': No such file or directory\n");
  }

  @Test
  void missingRootFileStillGivesOneJsonDocument() {
    String file = dir.resolve("missing.json").toString();

    CliRun run = CliRun.of("check", "--format", "json", file);

    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.err()).isEmpty();
    JsonNode doc = CheckCommandTest.parseSingleDocument(run.out());
    assertThat(doc.get("ok").booleanValue()).isFalse();
    JsonNode error = doc.get("errors").get(0);
    CheckCommandTest.assertFindingShape(error);
    assertThat(error.get("line").intValue()).isZero();
    assertThat(error.get("col").intValue()).isZero();
    assertThat(error.get("text").stringValue())
        .isEqualTo("can't read schema file '" + file + "': No such file or directory");
  }

  @Test
  void rootDirectoryIsAnIoError() {
    CliRun run = CliRun.of("check", dir.toString()).assertNoStackTrace();

    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.err()).isEqualTo(
        "qapi4j: can't read schema file '" + dir + "': Is a directory\n");
  }

  /** Text with raw bytes spliced in: strings as UTF-8, integers as single bytes. */
  private static byte[] bytes(Object... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (Object part : parts) {
      if (part instanceof String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
      } else {
        out.write((Integer) part);
      }
    }
    return out.toByteArray();
  }
}
