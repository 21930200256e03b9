package io.qapi4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code qapi4j check} on good schemas: exit codes, text and JSON reports, summary, bundled. */
class CheckCommandTest {

  private static final String SEED_003 = seed("003-qmp-misc-v6-era.json");
  private static final String SEED_000 = seed("000-qmp-qapi-schema-v1.1-era.json");
  private static final List<String> KINDS =
      List.of("struct", "enum", "union", "alternate", "command", "event");

  private static String seed(String name) {
    return SharedData.testdata("seeds/" + name).toString();
  }

  @Test
  void cleanSchemaExitsZeroWithVerdictAndWarningCount() {
    CliRun run = CliRun.of("check", SEED_003).assertNoStackTrace();

    assertThat(run.exitCode()).isEqualTo(ExitCode.CLEAN);
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEqualTo(
        "22 warnings not shown (--warnings lists them)\n"
        + SEED_003 + ": ok, 64 definitions (25 struct, 3 enum, 1 union, 0 alternate,"
        + " 31 command, 4 event), 22 warnings, compat dialect\n");
  }

  @Test
  void warningsAreListedOnlyOnRequest() {
    CliRun run = CliRun.of("check", "--warnings", SEED_003);

    assertThat(run.exitCode()).isEqualTo(ExitCode.CLEAN);
    assertThat(run.out())
        .contains(SEED_003 + ": In command 'add_client':\n"
            + SEED_003 + ":36: warning: name of command must not use uppercase or '_'\n")
        .doesNotContain("not shown");
    assertThat(run.out().lines().filter(l -> l.contains(": warning: "))).hasSize(22);
  }

  @Test
  void strictDialectRejectsSeed000InQemuWords() {
    CliRun run = CliRun.of("check", "--strict", SEED_000).assertNoStackTrace();

    assertThat(run.exitCode()).isEqualTo(ExitCode.FINDINGS);
    assertThat(run.out()).startsWith(
        SEED_000 + ":8:1: documentation comment must end with '##'\n");
    assertThat(run.out()).endsWith(SEED_000 + ": 1 error, 0 warnings, strict dialect\n");
  }

  @Test
  void compatDialectAcceptsSeed000() {
    CliRun run = CliRun.of("check", SEED_000);

    assertThat(run.exitCode()).isEqualTo(ExitCode.CLEAN);
    assertThat(run.out()).contains(": ok, 86 definitions");
  }

  @Test
  void jsonReportHasTheContractShape() {
    CliRun run = CliRun.of("check", "--format", "json", SEED_003);

    assertThat(run.exitCode()).isEqualTo(ExitCode.CLEAN);
    assertThat(run.err()).isEmpty();
    JsonNode doc = parseSingleDocument(run.out());
    assertThat(doc.get("ok").isBoolean()).isTrue();
    assertThat(doc.get("ok").booleanValue()).isTrue();
    assertThat(doc.get("dialect").stringValue()).isEqualTo("compat");
    assertThat(doc.get("errors").isArray()).isTrue();
    assertThat(doc.get("errors")).isEmpty();
    assertThat(doc.get("warnings")).hasSize(22);
    for (JsonNode warning : doc.get("warnings")) {
      assertFindingShape(warning);
    }
    JsonNode first = doc.get("warnings").get(0);
    assertThat(first.get("file").stringValue()).isEqualTo(SEED_003);
    assertThat(first.get("line").intValue()).isEqualTo(36);
    assertThat(first.get("col").intValue()).isZero();
    assertThat(first.get("text").stringValue()).isEqualTo(SEED_003
        + ": In command 'add_client':\n" + SEED_003
        + ":36: warning: name of command must not use uppercase or '_'");
    JsonNode counts = doc.get("counts");
    assertThat(counts.propertyNames()).containsExactlyElementsOf(KINDS);
    assertThat(counts.get("struct").intValue()).isEqualTo(25);
    assertThat(counts.get("command").intValue()).isEqualTo(31);
    assertThat(counts.get("event").intValue()).isEqualTo(4);
    assertThat(doc.has("summary")).isFalse();
  }

  @Test
  void jsonReportOfAnErrorCarriesPositionAndQemuText() {
    CliRun run = CliRun.of("check", "--strict", "--format", "json", SEED_000);

    assertThat(run.exitCode()).isEqualTo(ExitCode.FINDINGS);
    JsonNode doc = parseSingleDocument(run.out());
    assertThat(doc.get("ok").booleanValue()).isFalse();
    assertThat(doc.get("dialect").stringValue()).isEqualTo("strict");
    assertThat(doc.get("errors")).hasSize(1);
    JsonNode error = doc.get("errors").get(0);
    assertFindingShape(error);
    assertThat(error.get("file").stringValue()).isEqualTo(SEED_000);
    assertThat(error.get("line").intValue()).isEqualTo(8);
    assertThat(error.get("col").intValue()).isEqualTo(1);
    assertThat(error.get("message").stringValue())
        .isEqualTo("documentation comment must end with '##'");
    assertThat(error.get("text").stringValue())
        .isEqualTo(SEED_000 + ":8:1: documentation comment must end with '##'");
    assertThat(doc.get("counts").propertyNames()).containsExactlyElementsOf(KINDS);
  }

  @Test
  void summaryTableCountsPerModuleAndTotals() {
    CliRun run = CliRun.of("check", "--summary", SEED_003);

    assertThat(run.exitCode()).isEqualTo(ExitCode.CLEAN);
    assertThat(run.out()).contains(
        "module                    struct  enum  union  alternate  command  event  total\n"
        + "003-qmp-misc-v6-era.json      25     3      1          0       31      4     64\n"
        + "common.json                    0     0      0          0        0      0      0\n"
        + "total                         25     3      1          0       31      4     64\n");
  }

  @Test
  void jsonSummaryRowsAddUpToTheCounts() {
    Path master = SharedData.shared("qemu-qapi/master/qapi/qapi-schema.json");
    CliRun run = CliRun.of("check", "--summary", "--format", "json", master.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.CLEAN);
    JsonNode doc = parseSingleDocument(run.out());
    JsonNode summary = doc.get("summary");
    assertThat(summary.get("modules").size()).isGreaterThan(40);
    int grandTotal = 0;
    for (String kind : KINDS) {
      int sum = 0;
      for (JsonNode module : summary.get("modules")) {
        assertThat(module.get("module").isString()).isTrue();
        sum += module.get(kind).intValue();
      }
      assertThat(summary.get("total").get(kind).intValue()).as(kind).isEqualTo(sum);
      assertThat(doc.get("counts").get(kind).intValue()).as(kind).isEqualTo(sum);
      grandTotal += sum;
    }
    assertThat(summary.get("total").get("total").intValue()).isEqualTo(grandTotal);
    assertThat(summary.get("modules").get(0).get("module").stringValue())
        .isEqualTo("qapi-schema.json");
  }

  @Test
  void withoutSchemaChecksTheBundledDefault() {
    CliRun run = CliRun.of("check");

    assertThat(run.exitCode()).isEqualTo(ExitCode.CLEAN);
    assertThat(run.out()).endsWith("bundled/001-qmp-qapi-schema-v1.7-era.json: ok,"
        + " 213 definitions (90 struct, 18 enum, 8 union, 1 alternate, 96 command, 0 event),"
        + " 227 warnings, compat dialect\n");
  }

  @Test
  void bundledByUniquePrefixFollowsBundledIncludes() {
    CliRun run = CliRun.of("check", "--bundled", "003", "--summary");

    assertThat(run.exitCode()).isEqualTo(ExitCode.CLEAN);
    assertThat(run.out())
        .contains("\ncommon.json ")
        .contains("bundled/003-qmp-misc-v6-era.json: ok, 64 definitions");
  }

  @Test
  void bundledStrictErrorsNameTheBundledFile() {
    CliRun run = CliRun.of("check", "--bundled", "000-qmp-qapi-schema-v1.1-era.json", "--strict");

    assertThat(run.exitCode()).isEqualTo(ExitCode.FINDINGS);
    assertThat(run.out()).startsWith("bundled/000-qmp-qapi-schema-v1.1-era.json:8:1:"
        + " documentation comment must end with '##'\n");
  }

  @Test
  void unknownOrAmbiguousBundledNameIsAUsageError() {
    CliRun unknown = CliRun.of("check", "--bundled", "nope").assertNoStackTrace();
    CliRun ambiguous = CliRun.of("check", "--bundled", "00").assertNoStackTrace();

    assertThat(unknown.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(unknown.err()).startsWith("qapi4j check: no bundled schema 'nope' (bundled: 000-");
    assertThat(ambiguous.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(ambiguous.err()).startsWith("qapi4j check: ambiguous bundled schema '00'");
    assertThat(unknown.out() + ambiguous.out()).isEmpty();
  }

  @Test
  void fileAndBundledTogetherIsAUsageError() {
    CliRun run = CliRun.of("check", "--bundled", "003", SEED_003);

    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.err()).contains("give either SCHEMA or --bundled, not both");
  }

  @Test
  void checkHelpListsEveryBundledSeed() throws IOException {
    CliRun run = CliRun.of("check", "--help");

    assertThat(run.exitCode()).isEqualTo(ExitCode.CLEAN);
    assertThat(run.out())
        .contains("Usage: qapi4j check")
        .contains("--strict", "--format", "--summary", "--warnings", "--bundled")
        .contains("001-qmp-qapi-schema-v1.7-era.json  (default)")
        .contains("Exit codes:");
    try (Stream<Path> seeds = Files.list(SharedData.testdata("seeds"))) {
      List<String> names = seeds.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json")).toList();
      assertThat(names).hasSizeGreaterThanOrEqualTo(5);
      assertThat(run.out()).contains(names);
    }
  }

  @Test
  void topCommandHasHelpAndVersion() {
    CliRun help = CliRun.of("--help");
    CliRun version = CliRun.of("--version");
    CliRun helpCheck = CliRun.of("help", "check");

    assertThat(help.exitCode()).isEqualTo(ExitCode.CLEAN);
    assertThat(help.out()).contains("Usage: qapi4j", "check", "Exit codes");
    assertThat(version.exitCode()).isEqualTo(ExitCode.CLEAN);
    assertThat(version.out()).startsWith("qapi4j " + VersionProvider.projectVersion() + "\n");
    assertThat(VersionProvider.projectVersion()).isNotEqualTo("unknown").doesNotContain("${");
    assertThat(helpCheck.out()).contains("Usage: qapi4j check");
  }

  @Test
  void usageErrorsExitTwoWithoutStackTrace() {
    CliRun noCommand = CliRun.of().assertNoStackTrace();
    CliRun unknownOption = CliRun.of("check", "--frobnicate").assertNoStackTrace();
    CliRun badFormat = CliRun.of("check", "--format", "xml").assertNoStackTrace();
    CliRun twoSchemas = CliRun.of("check", SEED_003, SEED_000).assertNoStackTrace();
    CliRun unknownCommand = CliRun.of("frobnicate").assertNoStackTrace();

    assertThat(noCommand.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(noCommand.err()).contains("qapi4j: missing command", "Usage: qapi4j");
    assertThat(unknownOption.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(unknownOption.err()).contains("Unknown option: '--frobnicate'");
    assertThat(badFormat.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(badFormat.err()).contains("expected 'text' or 'json', not 'xml'");
    assertThat(twoSchemas.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(unknownCommand.exitCode()).isEqualTo(ExitCode.ERROR);
    for (CliRun run : List.of(noCommand, unknownOption, badFormat, twoSchemas, unknownCommand)) {
      assertThat(run.out()).isEmpty();
    }
  }

  @Test
  void qemuMasterSchemaIsClean() {
    Path master = SharedData.shared("qemu-qapi/master/qapi/qapi-schema.json");
    CliRun strict = CliRun.of("check", "--strict", master.toString());

    assertThat(strict.exitCode()).isEqualTo(ExitCode.CLEAN);
    assertThat(strict.out()).contains(": ok, ").contains(", 0 warnings, strict dialect");
  }

  /** Parses {@code text} as exactly one JSON document (Jackson 3 rejects trailing tokens). */
  static JsonNode parseSingleDocument(String text) {
    JsonNode doc = JsonMapper.shared().readTree(text);
    assertThat(doc.isObject()).isTrue();
    assertThat(doc.propertyNames()).startsWith("ok", "dialect", "errors", "warnings", "counts");
    return doc;
  }

  /** Asserts a finding has file, line, col, message and text of the right JSON types. */
  static void assertFindingShape(JsonNode finding) {
    assertThat(finding.propertyNames()).containsExactly("file", "line", "col", "message", "text");
    assertThat(finding.get("file").isString()).isTrue();
    assertThat(finding.get("line").isInt()).isTrue();
    assertThat(finding.get("col").isInt()).isTrue();
    assertThat(finding.get("message").isString()).isTrue();
    assertThat(finding.get("text").isString()).isTrue();
  }
}
