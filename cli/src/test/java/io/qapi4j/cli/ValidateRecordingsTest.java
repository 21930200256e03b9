package io.qapi4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code qapi4j validate} on the project's recordings of the real QEMU 7.2 and qemu-ga 7.2
 * ({@code testdata/captures/}): QEMU's and qemu-ga's own messages give no violation; the
 * deliberate mistakes give exactly the findings of the golden files, which the validator module's
 * {@code CommittedCapturesTest} checks through the library too. Without their {@code
 * query-qmp-schema} reply and with no QEMU asked, the recordings are validated against the bundled
 * introspection, which is that reply: the same findings.
 */
class ValidateRecordingsTest {

  /** A finding's line: the one it starts with, or one a parse error's words give. */
  private static final Pattern LINE_NUMBER = Pattern.compile("(^|\\(line )(\\d+)([ ,])");

  @TempDir Path dir;

  private static final String TOUR = capture("qmp-qemu-7.2.log");
  private static final String MISTAKES = capture("qmp-qemu-7.2-mistakes.log");
  private static final String QGA = capture("qga-qemu-ga-7.2.raw");
  private static final String RELEASE = "qemu-qapi/releases/v7.2.0/";

  private static String capture(String name) {
    return SharedData.testdata("captures/" + name).toString();
  }

  private static String release(String schema) {
    return SharedData.shared(RELEASE + schema).toString();
  }

  /** The report's findings one a line, as the golden files write them. */
  private static List<String> findings(CliRun run) {
    JsonNode report = JsonMapper.shared().readTree(run.out());
    List<String> out = new ArrayList<>();
    for (JsonNode v : report.get("violations")) {
      String name = v.get("name").isNull() ? "-" : v.get("name").asString();
      String pointer = v.get("pointer").asString();
      out.add(v.get("line").asLong() + " " + v.get("direction").asString() + " ["
          + v.get("code").asString() + "] " + name + " " + (pointer.isEmpty() ? "-" : pointer)
          + " " + v.get("severity").asString() + ": " + v.get("message").asString());
    }
    for (JsonNode u : report.get("unparsed")) {
      out.add(u.get("line").asLong() + " UNPARSED: " + u.get("message").asString());
    }
    return out;
  }

  private static List<String> golden(String name) throws IOException {
    return Files.readAllLines(SharedData.testdata("captures/" + name), StandardCharsets.UTF_8);
  }

  @Test
  void qemusTourValidatesCleanAgainstItsOwnSchema() {
    CliRun json = CliRun.of("validate", "--format", "json", TOUR).assertNoStackTrace();
    CliRun text = CliRun.of("validate", TOUR).assertNoStackTrace();

    assertThat(json.exitCode()).isEqualTo(ExitCode.CLEAN);
    assertThat(json.err()).contains(": schema: the capture's own query-qmp-schema reply (line 5,"
        + " 1051 entries)");
    assertThat(findings(json)).isEmpty();
    assertThat(JsonMapper.shared().readTree(json.out()).get("messages").asInt())
        .isGreaterThanOrEqualTo(2 * 80);
    assertThat(text.exitCode()).isEqualTo(ExitCode.CLEAN);
    assertThat(text.out()).startsWith(TOUR + ": ").contains(" 0 errors, 0 warnings, 0 infos,"
        + " 0 unparsed; schema: the capture's own query-qmp-schema reply").contains("\nok: ");
  }

  @Test
  void qemusTourValidatesCleanAgainstTheReleaseSchema() {
    CliRun run = CliRun.of("validate", "--format", "json", "--schema",
        release("qapi/qapi-schema.json"), TOUR).assertNoStackTrace();

    assertThat(run.exitCode()).isEqualTo(ExitCode.CLEAN);
    assertThat(findings(run)).isEmpty();
  }

  @Test
  void theMistakesAgainstTheCapturesOwnSchemaAreTheGoldenFindings() throws IOException {
    CliRun run = CliRun.of("validate", "--format", "json", MISTAKES).assertNoStackTrace();

    assertThat(run.exitCode()).isEqualTo(ExitCode.FINDINGS);
    assertThat(run.err()).contains("the capture's own query-qmp-schema reply (line 9,");
    assertThat(findings(run)).containsExactlyElementsOf(
        golden("qmp-qemu-7.2-mistakes.own-schema.expected.txt"));
  }

  @Test
  void theMistakesAgainstTheReleaseSchemaAreTheGoldenFindings() throws IOException {
    CliRun run = CliRun.of("validate", "--format", "json", "--schema",
        release("qapi/qapi-schema.json"), MISTAKES).assertNoStackTrace();

    assertThat(run.exitCode()).isEqualTo(ExitCode.FINDINGS);
    assertThat(findings(run)).containsExactlyElementsOf(
        golden("qmp-qemu-7.2-mistakes.release-schema.expected.txt"));
  }

  @Test
  void qemusTourWithoutItsSchemaReplyValidatesCleanAgainstTheBundledIntrospection()
      throws IOException {
    StrippedRecording tour = StrippedRecording.of(Path.of(TOUR), dir.resolve("tour.log"));

    CliRun run = CliRun.of("validate", "--no-qemu", "--format", "json", tour.file().toString())
        .assertNoStackTrace();

    assertThat(run.exitCode()).isEqualTo(ExitCode.CLEAN);
    assertThat(run.err()).contains(": schema: the bundled QEMU 7.2 introspection (x86_64)\n");
    assertThat(findings(run)).isEmpty();
    assertThat(JsonMapper.shared().readTree(run.out()).get("messages").asInt())
        .isGreaterThanOrEqualTo(2 * 80);
  }

  /** The bundled introspection is the one the recording held: the same findings, lines apart. */
  @Test
  void theMistakesWithoutTheirSchemaReplyGiveTheGoldenFindingsAgainstTheBundledIntrospection()
      throws IOException {
    StrippedRecording mistakes = StrippedRecording.of(Path.of(MISTAKES),
        dir.resolve("mistakes.log"));

    CliRun run = CliRun.of("validate", "--no-qemu", "--format", "json",
        mistakes.file().toString()).assertNoStackTrace();

    assertThat(run.exitCode()).isEqualTo(ExitCode.FINDINGS);
    assertThat(run.err()).contains(": schema: the bundled QEMU 7.2 introspection (x86_64)\n");
    // The golden findings with their lines, and those in parse errors' words, moved up.
    List<String> expected = golden("qmp-qemu-7.2-mistakes.own-schema.expected.txt").stream()
        .map(f -> LINE_NUMBER.matcher(f).replaceAll(m -> m.group(1)
            + mistakes.lineOf(Long.parseLong(m.group(2))) + m.group(3))).toList();
    assertThat(expected).hasSizeGreaterThan(20);
    assertThat(findings(run)).containsExactlyElementsOf(expected);
  }

  @Test
  void theGuestAgentsStreamAgainstTheReleaseSchemaIsTheGoldenFindings() throws IOException {
    CliRun run = CliRun.of("validate", "--format", "json", "--qga", "--schema",
        release("qga/qapi-schema.json"), QGA).assertNoStackTrace();

    assertThat(run.exitCode()).isEqualTo(ExitCode.FINDINGS);
    assertThat(findings(run)).containsExactlyElementsOf(
        golden("qga-qemu-ga-7.2.release-schema.expected.txt"));
  }
}
