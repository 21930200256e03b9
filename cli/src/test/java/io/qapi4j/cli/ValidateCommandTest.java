package io.qapi4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.qapi4j.testing.SharedData;
import io.qapi4j.validator.live.QemuIntrospection;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code qapi4j validate}, in-process: schema sources, reports, exit codes, stdin, follow. */
class ValidateCommandTest {

  private static final String ROOT = SharedData.projectRoot() + "/";
  private static final String SCHEMA = SharedData.testdata("captures/session-schema.json")
      .toString();
  private static final String SESSION = SharedData.testdata("captures/session.jsonl").toString();
  private static final Path QEMU = Path.of("/usr/bin/qemu-system-x86_64");

  @TempDir Path dir;

  private static JsonNode json(CliRun run) {
    return JsonMapper.shared().readTree(run.out());
  }

  private static String libvirt(String version) {
    return SharedData.shared("corpus/libvirt-replies/caps_" + version + ".x86_64.replies")
        .toString();
  }

  // ---------------------------------------------------------------- schema sources, in order

  @Test
  void aCaptureWithItsOwnQueryQmpSchemaReplyIsItsOwnSchema() {
    CliRun run = CliRun.of("validate", "--format", "json", libvirt("2.12.0")).assertNoStackTrace();

    assertThat(run.exitCode()).isEqualTo(ExitCode.CLEAN);
    assertThat(run.err()).contains(": schema: the capture's own query-qmp-schema reply (line 7907,"
        + " 742 entries)");
    JsonNode report = json(run);
    assertThat(report.get("messages").asInt()).isEqualTo(110);
    assertThat(report.get("violations")).isEmpty();
    assertThat(report.at("/summary/captures/0/sessions").asInt()).isEqualTo(2);
  }

  @Test
  void schemaFileComesFirst() {
    CliRun run = CliRun.of("validate", "--format", "json", "--schema",
        SharedData.shared("qemu-qapi/releases/v1.7.0/qapi-schema.json").toString(),
        libvirt("1.7.0")).assertNoStackTrace();

    assertThat(run.exitCode()).isEqualTo(ExitCode.FINDINGS);
    assertThat(run.err()).contains(": schema: schema file ").contains("v1.7.0/qapi-schema.json");
    JsonNode report = json(run);
    assertThat(report.get("messages").asInt()).isEqualTo(84);
    // libvirt's block-commit probe and its hand-inserted reply (testdata/corpus-findings.md).
    assertThat(report.at("/summary/byCode").toString()).isEqualTo(
        "{\"MISSING_MEMBER\":1,\"UNEXPECTED_MEMBER\":16}");
  }

  @Test
  void introspectionFileComesBeforeTheCapturesOwnReply() throws IOException {
    JsonNode reply = null;
    for (JsonNode node : JsonMapper.shared().readValues(
        JsonMapper.shared().createParser(Path.of(libvirt("2.12.0")).toFile()), JsonNode.class)
        .readAll()) {
      if (node.path("return").isArray() && node.path("return").path(0).has("meta-type")) {
        reply = node;
      }
    }
    assertThat(reply).isNotNull();
    Path introspection = dir.resolve("schema.json");
    Files.writeString(introspection, reply.get("return").toString());

    CliRun run = CliRun.of("validate", "--introspection", introspection.toString(),
        libvirt("2.12.0")).assertNoStackTrace();

    assertThat(run.exitCode()).isEqualTo(ExitCode.CLEAN);
    assertThat(run.err()).contains(": schema: introspection " + introspection);
  }

  @Test
  void withoutAnyTheBundledQemuIntrospectionIsTheLastResort() {
    CliRun run = CliRun.of("validate", "--no-qemu", "--format", "json", SESSION)
        .assertNoStackTrace();

    assertThat(run.err()).contains(": schema: the bundled QEMU 7.2 introspection (x86_64)\n");
    // session.jsonl is written for session-schema.json: its block-job traffic is not QEMU's.
    assertThat(run.exitCode()).isEqualTo(ExitCode.FINDINGS);
  }

  @Test
  void aQemuBinaryIsAskedForItsSchema() {
    assumeTrue(Files.isExecutable(QEMU), "no " + QEMU);

    CliRun run = CliRun.of("validate", "--qemu-binary", QEMU.toString(), "--format", "json",
        SESSION).assertNoStackTrace();

    assertThat(run.err()).containsPattern(": schema: QEMU \\d+\\.\\d+\\.\\d+ \\(" + QEMU
        + ", asked with query-qmp-schema\\)");
    assertThat(json(run).get("messages").asInt()).isEqualTo(19);
  }

  @Test
  void aQemuOnPathIsAskedWhenNothingElseIsGiven() {
    assumeTrue(QemuIntrospection.qemuOnPath(System.getenv("PATH")).isPresent(), "no QEMU on PATH");

    CliRun run = CliRun.of("validate", "--format", "json", SESSION).assertNoStackTrace();

    assertThat(run.err()).contains(": schema: QEMU ").contains("asked with query-qmp-schema");
  }

  @Test
  void aMissingOrBrokenQemuBinaryIsAClearError() throws IOException {
    CliRun missing = CliRun.of("validate", "--qemu-binary", "/nonexistent/qemu", SESSION)
        .assertNoStackTrace();
    assertThat(missing.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(missing.err()).contains("qapi4j: cannot run /nonexistent/qemu: ");
    assertThat(missing.out()).isEmpty();

    Path script = dir.resolve("fake-qemu");
    Files.writeString(script, "#!/bin/sh\necho 'qemu: bad option' >&2\nexit 1\n");
    assertThat(script.toFile().setExecutable(true)).isTrue();
    CliRun broken = CliRun.of("validate", "--qemu-binary", script.toString(), SESSION)
        .assertNoStackTrace();
    assertThat(broken.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(broken.err()).contains(script + " gave no reply to query-qmp-schema: qemu: bad"
        + " option");
  }

  @Test
  void theCapturesOwnSchemaComesBeforeTheQemuBinary() {
    CliRun run = CliRun.of("validate", "--qemu-binary", "/nonexistent/qemu", libvirt("2.12.0"))
        .assertNoStackTrace();

    assertThat(run.exitCode()).isEqualTo(ExitCode.CLEAN);
    assertThat(run.err()).contains("the capture's own query-qmp-schema reply");
  }

  @Test
  void aBrokenSchemaFileIsAnError() throws IOException {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{ 'command': 'x', 'data': 'Nope' }\n");

    CliRun run = CliRun.of("validate", "--schema", bad.toString(), SESSION).assertNoStackTrace();

    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.err()).contains("qapi4j: --schema " + bad + ": the schema has errors");
  }

  // ---------------------------------------------------------------- reports

  @Test
  void jsonReportGolden() throws IOException {
    CliRun run = CliRun.of("validate", "--schema", SCHEMA, "--format", "json", SESSION)
        .assertNoStackTrace();

    assertThat(run.exitCode()).isEqualTo(ExitCode.FINDINGS);
    assertThat(run.out().replace(ROOT, "")).isEqualTo(Files.readString(
        SharedData.testdata("captures/session.expected.json")));
  }

  @Test
  void textReportGolden() throws IOException {
    CliRun run = CliRun.of("validate", "--schema", SCHEMA, SESSION,
        SharedData.testdata("captures/transcript.txt").toString(),
        SharedData.testdata("captures/iotests.out").toString()).assertNoStackTrace();

    assertThat(run.exitCode()).isEqualTo(ExitCode.FINDINGS);
    assertThat(run.out().replace(ROOT, "")).isEqualTo(Files.readString(
        SharedData.testdata("captures/report.expected.txt")));
  }

  @Test
  void theTextListingIsCappedPerGroup() throws IOException {
    Path capture = dir.resolve("many.jsonl");
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      text.append("{\"execute\": \"set-speed\", \"arguments\": {\"device\": \"d\", \"speed\": -1}}\n");
    }
    Files.writeString(capture, text);

    CliRun run = CliRun.of("validate", "--schema", SCHEMA, "--listed", "3", capture.toString());

    assertThat(run.out()).contains("set-speed [OUT_OF_RANGE]: 30\n")
        .contains("  ... and 27 more\n");
    assertThat(run.out().lines().filter(l -> l.contains("expects uint32_t"))).hasSize(3);
  }

  @Test
  void bothEnginesFindTheSameViolations() {
    List<String> native_ = codes(CliRun.of("validate", "--schema", SCHEMA, "--format", "json",
        SESSION));
    List<String> jsonSchema = codes(CliRun.of("validate", "--schema", SCHEMA, "--format", "json",
        "--engine", "json-schema", SESSION));

    assertThat(jsonSchema).isEqualTo(native_).hasSize(5);
  }

  private static List<String> codes(CliRun run) {
    List<String> codes = new ArrayList<>();
    json(run).get("violations").forEach(v -> codes.add(v.get("line").asInt() + " "
        + v.get("code").asString() + " " + v.get("pointer").asString()));
    return codes;
  }

  @Test
  void lenientOutputAcceptsMembersNewerServersAdd() throws IOException {
    Path capture = dir.resolve("new-member.jsonl");
    Files.writeString(capture, "{\"execute\": \"query-status\"}\n"
        + "{\"return\": {\"running\": true, \"status\": \"running\", \"singlestep\": false}}\n");

    assertThat(CliRun.of("validate", "--schema", SCHEMA, capture.toString()).exitCode())
        .isEqualTo(ExitCode.FINDINGS);
    assertThat(CliRun.of("validate", "--schema", SCHEMA, "--lenient-output", capture.toString())
        .exitCode()).isEqualTo(ExitCode.CLEAN);
  }

  @Test
  void guestAgentTrafficWithSyncBytes() throws IOException {
    Path capture = dir.resolve("qga.log");
    byte[] text = ("\u00ff{\"execute\": \"guest-sync-delimited\", \"arguments\": {\"id\": 5}}\n"
        + "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, stray"
        + " '\\uFFFD'\"}}\n"
        + "\u00ff{\"return\": 5}\n"
        + "{\"execute\": \"guest-shutdown\"}\n").getBytes(StandardCharsets.ISO_8859_1);
    Files.write(capture, text);

    CliRun run = CliRun.of("validate", "--qga", "--format", "json", capture.toString())
        .assertNoStackTrace();

    assertThat(run.exitCode()).isEqualTo(ExitCode.CLEAN);
    assertThat(run.err()).contains("the bundled guest-agent schema " + ValidateSchemas.QGA);
    JsonNode report = json(run);
    assertThat(report.get("messages").asInt()).isEqualTo(4);
    assertThat(report.at("/violations/0/severity").asString()).isEqualTo("info");
    assertThat(report.at("/violations/0/code").asString()).isEqualTo("UNEXPECTED_REPLY");
    assertThat(report.at("/summary/captures/0/syncBytes").asInt()).isEqualTo(2);
  }

  // ---------------------------------------------------------------- exit codes, usage

  @Test
  void exitCodes() throws IOException {
    assertThat(CliRun.of("validate", "--schema", SCHEMA, SESSION).exitCode())
        .isEqualTo(ExitCode.FINDINGS);
    Path clean = dir.resolve("clean.jsonl");
    Files.writeString(clean, "{\"execute\": \"query-status\", \"id\": 1}\n"
        + "{\"return\": {\"running\": true, \"status\": \"running\"}, \"id\": 1}\n");
    assertThat(CliRun.of("validate", "--schema", SCHEMA, clean.toString()).exitCode())
        .isEqualTo(ExitCode.CLEAN);
    Path malformed = dir.resolve("malformed.jsonl");
    Files.writeString(malformed, "{\"execute\": \"query-status\",, }\n");
    assertThat(CliRun.of("validate", "--schema", SCHEMA, malformed.toString()).exitCode())
        .isEqualTo(ExitCode.FINDINGS);

    CliRun missing = CliRun.of("validate", "--schema", SCHEMA, dir.resolve("nope").toString());
    assertThat(missing.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(missing.err()).contains("nope: no such file");
    assertThat(missing.out()).isEmpty();

    CliRun json = CliRun.of("validate", "--format", "json", "--schema", SCHEMA,
        dir.resolve("nope").toString());
    assertThat(json.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(json(json).get("error").asString()).endsWith("nope: no such file");
    assertThat(json(json).get("messages").asInt()).isZero();
  }

  @Test
  void usageErrors() {
    for (String[] args : List.of(
        new String[] {"validate"},
        new String[] {"validate", "--schema", SCHEMA, "--introspection", SCHEMA, SESSION},
        new String[] {"validate", "--follow", SESSION, SESSION},
        new String[] {"validate", "--engine", "fast", SESSION},
        new String[] {"validate", "--format", "xml", SESSION})) {
      CliRun run = CliRun.of(args).assertNoStackTrace();
      assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCode.ERROR);
      assertThat(run.err()).as(String.join(" ", args)).contains("Try 'qapi4j validate --help'");
    }
  }

  @Test
  void help() {
    CliRun run = CliRun.of("validate", "--help");

    assertThat(run.exitCode()).isEqualTo(ExitCode.CLEAN);
    assertThat(run.out()).contains("--schema=SCHEMA", "--introspection=FILE", "--qemu-binary=BIN",
        "--qga", "--format=text|json", "--lenient-output", "--engine=native|json-schema",
        "--follow", "CAPTURE...");
  }

  // ---------------------------------------------------------------- stdin

  @Test
  void stdin() throws IOException {
    CliRun run = withStdin(Files.readAllBytes(Path.of(SESSION)),
        "validate", "--schema", SCHEMA, "--format", "json", "-");

    assertThat(run.exitCode()).isEqualTo(ExitCode.FINDINGS);
    JsonNode report = json(run);
    assertThat(report.get("messages").asInt()).isEqualTo(19);
    assertThat(report.at("/violations/0/source").asString()).isEqualTo(ValidateCommand.STDIN);
  }

  @Test
  void stdinIsSpooledToFindItsOwnSchema() throws IOException {
    CliRun run = withStdin(Files.readAllBytes(Path.of(libvirt("2.12.0"))), "validate", "-");

    assertThat(run.exitCode()).isEqualTo(ExitCode.CLEAN);
    assertThat(run.err()).contains("<stdin>: schema: the capture's own query-qmp-schema reply");
  }

  private static CliRun withStdin(byte[] input, String... args) {
    InputStream saved = System.in;
    System.setIn(new ByteArrayInputStream(input));
    try {
      return CliRun.of(args).assertNoStackTrace();
    } finally {
      System.setIn(saved);
    }
  }

  // ---------------------------------------------------------------- follow

  /** A {@code validate --follow} run in a thread of its own, until interrupted. */
  private record Following(Thread thread, StringWriter out, AtomicInteger exit) {

    static Following start(String... args) {
      StringWriter out = new StringWriter();
      AtomicInteger exit = new AtomicInteger(-1);
      Thread thread = new Thread(() -> exit.set(Main.run(new PrintWriter(out),
          new PrintWriter(new StringWriter()), args)));
      thread.start();
      return new Following(thread, out, exit);
    }

    int stop() throws InterruptedException {
      thread.interrupt();
      thread.join(10_000);
      assertThat(thread.isAlive()).isFalse();
      return exit.get();
    }
  }

  @Test
  void followReportsMessagesAsTheFileGrowsUntilInterrupted() throws Exception {
    Path capture = dir.resolve("growing.jsonl");
    Files.writeString(capture, "{\"execute\": \"query-status\", \"id\": 1}\n");
    Following run = Following.start("validate", "--schema", SCHEMA, "--format", "json",
        "--follow", capture.toString());

    append(capture, "{\"return\": {\"running\": true, \"status\": \"sleeping\"}, \"id\": 1}\n");
    waitFor(run.out(), "INVALID_ENUM_VALUE");
    append(capture, "{\"execute\": \"set-speed\", \"arguments\": {\"device\": \"d\", \"spe");
    Thread.sleep(300);
    append(capture, "ed\": -1}}\n");
    waitFor(run.out(), "OUT_OF_RANGE");

    assertThat(run.stop()).isEqualTo(ExitCode.FINDINGS);
    JsonNode report = JsonMapper.shared().readTree(run.out().toString());
    assertThat(report.get("messages").asInt()).isEqualTo(3);
    // Interrupting ends the capture: the last command is left unanswered.
    assertThat(report.get("violations")).extracting(v -> v.get("code").asString())
        .containsExactly("INVALID_ENUM_VALUE", "OUT_OF_RANGE", "UNANSWERED_COMMAND");
  }

  @Test
  void followInTextPrintsEachFindingAsItComes() throws Exception {
    Path capture = dir.resolve("growing.txt");
    Files.writeString(capture, "");
    Following run = Following.start("validate", "--schema", SCHEMA, "--follow",
        capture.toString());

    append(capture, "-> {\"execute\": \"set-speed\", \"arguments\": {\"speed\": 1}}\n");
    waitFor(run.out(), "[MISSING_MEMBER]");
    String live = run.out().toString();

    assertThat(run.stop()).isEqualTo(ExitCode.FINDINGS);
    assertThat(live).isEqualTo(capture + ":1: [MISSING_MEMBER] set-speed /arguments/device:"
        + " Parameter 'device' is missing\n");
    assertThat(run.out().toString()).contains("set-speed [MISSING_MEMBER]: 1\n")
        .endsWith("findings: 1 message in 1 capture, 2 errors, 0 warnings, 0 infos, 0 unparsed\n");
  }

  private static void append(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardOpenOption.APPEND);
  }

  private static void waitFor(StringWriter out, String text) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 20_000;
    while (!out.toString().contains(text)) {
      assertThat(System.currentTimeMillis()).as("waiting for " + text).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  // ---------------------------------------------------------------- the corpus

  @Test
  void everyCorpusFileGoesThroughValidate() throws IOException {
    List<Path> files;
    try (var walk = Files.walk(SharedData.shared("corpus"))) {
      files = walk.filter(Files::isRegularFile)
          .filter(f -> f.toString().endsWith(".out") || f.toString().endsWith(".replies"))
          .sorted().toList();
    }
    assertThat(files).hasSize(37);
    for (Path file : files) {
      CliRun run = CliRun.of("validate", "--no-qemu", "--format", "json", file.toString())
          .assertNoStackTrace();
      assertThat(run.exitCode()).as(file.toString()).isIn(ExitCode.CLEAN, ExitCode.FINDINGS);
      assertThat(json(run).get("unparsed")).as(file.toString()).isEmpty();
    }
  }
}
