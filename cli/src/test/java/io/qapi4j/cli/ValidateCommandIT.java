package io.qapi4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.testing.SharedData;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code qapi4j validate} as a real process: a capture of a quarter gigabyte in a 64 MB heap,
 * {@code --follow} ended by SIGTERM (the report is closed and the exit code tells the findings),
 * and QEMU traffic that names no schema checked against the introspection the jar bundles.
 */
class ValidateCommandIT {

  private static final Path JAR = Path.of(System.getProperty("qapi4j.jar",
      SharedData.projectRoot().resolve("cli/target/qapi4j.jar").toString()));
  private static final String SCHEMA = SharedData.testdata("captures/session-schema.json")
      .toString();

  @TempDir Path dir;

  /** One conversation of three messages; every 100,000th has a speed out of range. */
  private static long writeLargeCapture(Path file, long bytes) throws IOException {
    long messages = 0;
    long written = 0;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      for (long i = 0; written < bytes; i++) {
        String speed = i % 100_000 == 99_999 ? "-1" : "100";
        String block = "{\"execute\": \"set-speed\", \"arguments\": {\"device\": \"disk0\","
            + " \"speed\": " + speed + "}, \"id\": " + i + "}\n"
            + "{\"return\": {}, \"id\": " + i + "}\n"
            + "{\"event\": \"SPEED_CHANGED\", \"data\": {\"device\": \"disk0\", \"speed\": 100},"
            + " \"timestamp\": {\"seconds\": 1700000000, \"microseconds\": " + (i % 1_000_000)
            + "}}\n";
        byte[] b = block.getBytes(StandardCharsets.US_ASCII);
        out.write(b);
        written += b.length;
        messages += 3;
      }
    }
    return messages;
  }

  @Test
  void aQuarterGigabyteCaptureIn64Megabytes() throws Exception {
    Path capture = dir.resolve("large.jsonl");
    long messages = writeLargeCapture(capture, 250L << 20);
    long blocks = messages / 3;

    long start = System.nanoTime();
    Process run = java(List.of("-Xmx64m", "-Xss512k"), "validate", "--schema", SCHEMA,
        "--format", "json", capture.toString());
    assertThat(run.waitFor(170, TimeUnit.SECONDS)).as("finished in time").isTrue();
    double seconds = (System.nanoTime() - start) / 1e9;

    String err = Files.readString(dir.resolve("err.txt"));
    assertThat(err).doesNotContain("Exception").doesNotContain("OutOfMemoryError");
    assertThat(run.exitValue()).as(err).isEqualTo(ExitCode.FINDINGS);
    JsonNode report = JsonMapper.shared().readTree(dir.resolve("out.txt").toFile());
    assertThat(report.get("messages").asLong()).isEqualTo(messages);
    assertThat(report.get("violations").size()).isEqualTo((int) (blocks / 100_000));
    assertThat(report.at("/violations/0/code").asString()).isEqualTo("OUT_OF_RANGE");
    assertThat(report.at("/violations/0/line").asLong()).isEqualTo(3L * 99_999 + 1);
    System.out.printf("validate: %d MB, %d messages in %.1f s with -Xmx64m (%.0f MB/s)%n",
        Files.size(capture) >> 20, messages, seconds, (Files.size(capture) >> 20) / seconds);
  }

  @Test
  void followEndsOnSigtermWithTheReportClosed() throws Exception {
    Path capture = dir.resolve("growing.jsonl");
    Files.writeString(capture, "{\"execute\": \"query-status\", \"id\": 1}\n");
    Process run = java(List.of(), "validate", "--schema", SCHEMA, "--format", "json", "--follow",
        capture.toString());
    Files.writeString(capture, "{\"return\": {\"running\": true, \"status\": \"sleeping\"},"
        + " \"id\": 1}\n", StandardOpenOption.APPEND);
    long deadline = System.currentTimeMillis() + 60_000;
    while (!Files.readString(dir.resolve("out.txt")).contains("INVALID_ENUM_VALUE")) {
      assertThat(run.isAlive()).as("still following").isTrue();
      assertThat(System.currentTimeMillis()).as("the finding shows up").isLessThan(deadline);
      Thread.sleep(100);
    }

    run.destroy(); // SIGTERM
    assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(run.exitValue()).isEqualTo(ExitCode.FINDINGS);
    JsonNode report = JsonMapper.shared().readTree(dir.resolve("out.txt").toFile());
    assertThat(report.get("messages").asInt()).isEqualTo(2);
    assertThat(report.get("violations")).hasSize(1);
  }

  @Test
  void theJarBundlesQemusIntrospectionForTrafficThatNamesNoSchema() throws Exception {
    StrippedRecording tour = StrippedRecording.of(
        SharedData.testdata("captures/qmp-qemu-7.2.log"), dir.resolve("tour.log"));

    Process run = java(List.of(), "validate", "--no-qemu", tour.file().toString());
    assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("finished in time").isTrue();

    String err = Files.readString(dir.resolve("err.txt"));
    assertThat(run.exitValue()).as(err).isEqualTo(ExitCode.CLEAN);
    assertThat(err).isEqualTo("qapi4j: " + tour.file()
        + ": schema: the bundled QEMU 7.2 introspection (x86_64)\n");
    assertThat(Files.readString(dir.resolve("out.txt"))).contains("\nok: ");
  }

  private Process java(List<String> jvm, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvm);
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectOutput(dir.resolve("out.txt").toFile())
        .redirectError(dir.resolve("err.txt").toFile())
        .start();
  }
}
