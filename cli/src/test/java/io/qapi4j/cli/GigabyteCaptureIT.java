package io.qapi4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.testing.SharedData;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code qapi4j validate} of a gigabyte of QMP traffic in a 256 MB heap, through the real jar.
 *
 * <p>The traffic is the session recorded with QEMU 7.2 ({@code
 * testdata/captures/qmp-qemu-7.2-mistakes.log}): its greeting, negotiation and {@code query-qmp-schema}
 * reply, then its 103 other real commands with their replies and events, each time followed by
 * {@value #MISTAKE_BLOCKS} copies of its 24 deliberate mistakes (one of them a line that is no
 * JSON), repeated until the capture holds 1 GiB; it is validated against its own schema reply.
 * The mistakes are far denser than in real traffic on purpose: they make close to a million
 * violations, whose JSON report is larger than the heap, so the run shows that the report streams.
 *
 * <p>The figures must be exactly those of the parts put together (measured first on small
 * captures of one part each): nothing lost, nothing counted twice. Both report formats are run;
 * the throughput and the peak resident memory are printed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GigabyteCaptureIT {

  private static final Path JAR = Path.of(System.getProperty("qapi4j.jar",
      SharedData.projectRoot().resolve("cli/target/qapi4j.jar").toString()));
  private static final Path RECORDING = SharedData.testdata("captures/qmp-qemu-7.2-mistakes.log");
  /** The capture's size (a system property lets a developer try others). */
  private static final long SIZE = Long.getLong("qapi4j.gigabyteCapture.bytes", 1L << 30);
  private static final String HEAP = "-Xmx256m";
  private static final JsonMapper JSON = JsonMapper.shared();

  /** How many copies of the mistakes follow each repetition of the real traffic. */
  private static final int MISTAKE_BLOCKS = 5;

  /** The recording cut in four: the start, the real commands, the mistakes, {@code quit}. */
  private static byte[] header;
  private static byte[] traffic;
  private static byte[] mistakes;
  private static byte[] trailer;
  private static int mistakeLines;

  @TempDir static Path dir;

  private static Path big;
  private static long rounds;
  private static Figures expected;

  @BeforeAll
  static void writeTheCapture() throws Exception {
    List<String> lines = Files.readAllLines(RECORDING, StandardCharsets.UTF_8);
    int negotiation = indexOf(lines, "-> {\"execute\":\"qmp_capabilities\"");
    int schema = indexOf(lines, "-> {\"execute\":\"query-qmp-schema\"");
    int firstMistake = indexOf(lines, "-> {\"execute\":\"qapi4j-no-such-command\"");
    int quit = indexOf(lines, "-> {\"execute\":\"quit\"");
    // As a client starts: without the recording's deliberate command before negotiation and its
    // second negotiation.
    header = joined(List.of(lines.get(0), lines.get(negotiation), lines.get(negotiation + 1),
        lines.get(schema), lines.get(schema + 1)));
    traffic = joined(lines.subList(schema + 2, firstMistake));
    mistakes = joined(lines.subList(firstMistake, quit));
    trailer = joined(lines.subList(quit, lines.size()));
    mistakeLines = quit - firstMistake;

    Figures one = figures(small("one", 1, 0));
    Figures perTraffic = figures(small("two", 2, 0)).minus(one);
    Figures perMistakes = figures(small("mistakes", 1, 1)).minus(one);
    Figures base = one.minus(perTraffic);
    assertThat(perTraffic.violations()).as("the real traffic is clean").isZero();
    // Every line of the mistakes is a message but one, {"execute": }, which is no JSON.
    assertThat(perMistakes.messages()).isEqualTo(mistakeLines - 1);
    assertThat(perMistakes.unparsed()).isEqualTo(1);
    assertThat(perMistakes.violations()).isGreaterThanOrEqualTo(24);

    long round = traffic.length + (long) MISTAKE_BLOCKS * mistakes.length;
    rounds = Math.max(1, (SIZE - header.length - trailer.length + round - 1) / round);
    big = capture("big.log", rounds, MISTAKE_BLOCKS);
    expected = base.plus(perTraffic, rounds).plus(perMistakes, rounds * MISTAKE_BLOCKS);
  }

  @AfterAll
  static void deleteTheCapture() throws IOException {
    // Not left for @TempDir's cleanup alone: a gigabyte should go as soon as possible.
    Files.deleteIfExists(big);
  }

  private static int indexOf(List<String> lines, String prefix) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new IllegalStateException(RECORDING + " has no line starting " + prefix);
  }

  private static byte[] joined(List<String> lines) {
    return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Writes the header, {@code rounds} times the traffic each followed by {@code blocks} copies of
   * the mistakes, and the trailer.
   */
  private static Path capture(String name, long rounds, int blocks) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      out.write(header);
      for (long i = 0; i < rounds; i++) {
        out.write(traffic);
        for (int b = 0; b < blocks; b++) {
          out.write(mistakes);
        }
      }
      out.write(trailer);
    }
    return file;
  }

  /** The JSON report of a small capture. */
  private static Path small(String name, long rounds, int blocks) throws Exception {
    Path report = dir.resolve(name + ".json");
    Run run = validate(capture(name + ".log", rounds, blocks), report, "json");
    assertThat(run.exit()).as(run.err()).isIn(ExitCode.CLEAN, ExitCode.FINDINGS);
    return report;
  }

  /** A report's figures. */
  private record Figures(long messages, long violations, long unparsed,
      Map<String, Long> byCode) {

    /** {@code this + times * part}, code by code. */
    Figures plus(Figures part, long times) {
      Map<String, Long> codes = new TreeMap<>(byCode);
      part.byCode.forEach((code, n) -> codes.merge(code, n * times, Long::sum));
      codes.values().removeIf(n -> n == 0);
      return new Figures(messages + times * part.messages, violations + times * part.violations,
          unparsed + times * part.unparsed, codes);
    }

    Figures minus(Figures other) {
      return plus(other, -1);
    }
  }

  /**
   * The figures of a JSON report, read as a stream (a tree of the big one would not fit); checks
   * that the unparsed pieces listed are the first {@value JsonValidateReport#UNPARSED_KEPT}.
   */
  private static Figures figures(Path report) throws IOException {
    long violations = 0;
    long unparsedListed = 0;
    long messages = -1;
    JsonNode summary = null;
    try (JsonParser p = JSON.createParser(report.toFile())) {
      assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "violations" -> violations = countElements(p);
          case "unparsed" -> unparsedListed = countElements(p);
          case "messages" -> messages = p.getLongValue();
          case "summary" -> summary = p.readValueAsTree();
          default -> p.skipChildren();
        }
      }
    }
    assertThat(summary).as("the report's summary").isNotNull();
    long unparsed = summary.get("unparsed").asLong();
    assertThat(unparsedListed).isEqualTo(Math.min(unparsed, JsonValidateReport.UNPARSED_KEPT));
    assertThat(summary.get("unparsedNotListed").asLong()).isEqualTo(unparsed - unparsedListed);
    Map<String, Long> byCode = new TreeMap<>();
    summary.get("byCode").properties().forEach(e -> byCode.put(e.getKey(), e.getValue().asLong()));
    long findings = summary.get("errors").asLong() + summary.get("warnings").asLong()
        + summary.get("infos").asLong();
    assertThat(violations).as("every finding listed").isEqualTo(findings);
    return new Figures(messages, violations, unparsed, byCode);
  }

  private static long countElements(JsonParser p) {
    long n = 0;
    while (p.nextToken() == JsonToken.START_OBJECT) {
      p.skipChildren();
      n++;
    }
    return n;
  }

  /** A run of the jar: its exit code, stderr, time and peak resident memory. */
  private record Run(int exit, String err, double seconds, long peakRssKb) {}

  private static Run validate(Path capture, Path report, String format) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
        "-XX:+UseSerialGC", "-jar", JAR.toString(), "validate", "--no-qemu", "--format", format,
        capture.toString()));
    Path err = dir.resolve(report.getFileName() + ".err");
    long start = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectOutput(report.toFile())
        .redirectError(err.toFile()).start();
    long peak = 0;
    while (!p.waitFor(200, TimeUnit.MILLISECONDS)) {
      peak = Math.max(peak, peakRssKb(p.pid()));
      if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(15)) {
        p.destroyForcibly();
        throw new AssertionError("validate took more than 15 minutes");
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Run(p.exitValue(), Files.readString(err), seconds, peak);
  }

  /** VmHWM of a Linux process, in kB (0 where /proc does not tell). */
  private static long peakRssKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process has just ended, or this is no Linux
    }
    return 0;
  }

  private static void print(String format, Run run, long bytes, long messages) {
    System.out.printf("validate --format %s: %,d bytes (%d MiB), %,d messages in %.1f s with %s:"
            + " %.1f MB/s, %,.0f messages/s; peak resident memory %d MB%n", format, bytes,
        bytes >> 20, messages, run.seconds(), HEAP, bytes / 1e6 / run.seconds(),
        messages / run.seconds(), run.peakRssKb() >> 10);
  }

  @Test
  @Order(1)
  void theJsonReportStreamsEveryViolation() throws Exception {
    Path report = dir.resolve("big.json");
    Run run = validate(big, report, "json");
    long bytes = Files.size(big);
    print("json", run, bytes, expected.messages());

    assertThat(run.err()).doesNotContain("Exception").doesNotContain("OutOfMemoryError");
    assertThat(run.exit()).as(run.err()).isEqualTo(ExitCode.FINDINGS);
    Figures fromJson = figures(report);
    assertThat(fromJson).isEqualTo(expected);
    if (SIZE >= 1L << 30) {
      assertThat(bytes).isGreaterThanOrEqualTo(1L << 30);
      assertThat(Files.size(report)).as("the report is larger than the heap")
          .isGreaterThan(256L << 20);
    }
    System.out.printf("validate --format json: %,d violations, %,d unparsed, report %d MiB%n",
        fromJson.violations(), fromJson.unparsed(), Files.size(report) >> 20);
    Files.delete(report);
  }

  @Test
  @Order(2)
  void theTextReportSumsUpTheSame() throws Exception {
    Path report = dir.resolve("big.txt");
    Run run = validate(big, report, "text");
    print("text", run, Files.size(big), expected.messages());

    assertThat(run.err()).doesNotContain("Exception").doesNotContain("OutOfMemoryError");
    assertThat(run.exit()).as(run.err()).isEqualTo(ExitCode.FINDINGS);
    List<String> lines = Files.readAllLines(report);
    String last = lines.get(lines.size() - 1);
    assertThat(last).startsWith("findings: " + expected.messages() + " messages in 1 capture, ")
        .endsWith(", " + expected.unparsed() + " unparsed");
    assertThat(lines).hasSizeLessThan(20_000); // grouped, at most 20 listed a group
  }
}
