package io.qapi4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as a real process, on the inputs most likely to kill a JVM: a small stack
 * ({@code -Xss512k}) and heap ({@code -Xmx256m}), 100,000 nested brackets, random bytes, and 50 MB
 * schemas. Exit code, positioned message, and no stack trace on stderr.
 */
class CheckCommandIT {

  private static final Path JAR = Path.of(System.getProperty("qapi4j.jar",
      SharedData.projectRoot().resolve("cli/target/qapi4j.jar").toString()));

  @TempDir static Path dir;

  private static Path large;
  private static int largeDefinitions;

  /** What a finished process printed. */
  private record Process(int exitCode, String out, String err) {}

  @BeforeAll
  static void generateLargeSchema() throws IOException {
    assertThat(JAR).as("the shaded jar (built by `package`)").isRegularFile();
    large = dir.resolve("large.json");
    largeDefinitions = BadSchemaFiles.writeLargeValid(large);
  }

  @Test
  void hundredThousandNestedBrackets() throws Exception {
    String file = BadSchemaFiles.deeplyNested(dir, 100_000).toString();

    Process run = check("-Xmx256m", file);

    assertThat(run.exitCode()).isEqualTo(ExitCode.FINDINGS);
    assertThat(run.out()).startsWith(file + ":1:1008: nesting deeper than 1000 levels\n");
    assertCleanStderr(run);
  }

  @Test
  void binaryFile() throws Exception {
    String file = BadSchemaFiles.binary(dir, 1 << 20).toString();

    Process run = check("-Xmx256m", file);

    assertThat(run.exitCode()).isEqualTo(ExitCode.FINDINGS);
    assertThat(run.out()).containsPattern(
        "(?m)^\\Q" + file + "\\E:\\d+:\\d+: invalid UTF-8: can't decode byte 0x[0-9a-f]{2}");
    assertCleanStderr(run);
  }

  @Test
  void fiftyMegabyteValidSchemaFitsIn256Megabytes() throws Exception {
    Process run = check("-Xmx256m", large.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.CLEAN);
    assertThat(run.out()).endsWith(large + ": ok, " + largeDefinitions + " definitions (0 struct, "
        + largeDefinitions + " enum, 0 union, 0 alternate, 0 command, 0 event), 0 warnings,"
        + " compat dialect\n");
    assertCleanStderr(run);
  }

  @Test
  void fiftyMegabyteSchemaWithSyntaxErrorOnTheLastLine() throws Exception {
    Path file = dir.resolve("large-error.json");
    long lastLine = BadSchemaFiles.writeLargeWithErrorAtEnd(file);

    Process run = check("-Xmx256m", file.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.FINDINGS);
    assertThat(run.out()).startsWith(file + ":" + lastLine + ":"
        + (BadSchemaFiles.UNCLOSED_LAST_LINE.length() + 1) + ": expected ',' or '}'\n");
    assertCleanStderr(run);
  }

  @Test
  void schemaTooLargeForTheHeapIsAMessageNotACrash() throws Exception {
    Process run = check("-Xmx64m", large.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("qapi4j: ").containsPattern("out of memory|File too large");
    assertCleanStderr(run);
  }

  private static void assertCleanStderr(Process run) {
    assertThat(run.err())
        .doesNotContain("Exception")
        .doesNotContain("at io.qapi4j")
        .doesNotContain("\tat ")
        .doesNotContain("StackOverflowError")
        .doesNotContain("OutOfMemoryError");
  }

  /** Runs {@code java -Xss512k HEAP -jar qapi4j.jar check FILE} and waits for it. */
  private static Process check(String heap, String file) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xss512k", heap, "-jar", JAR.toString(), "check", file));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    java.lang.Process process = new ProcessBuilder(command)
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .start();
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("qapi4j check " + file + " did not finish in 180 s");
    }
    return new Process(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
