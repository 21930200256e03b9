package io.qapi4j.validator.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.model.Schema;
import io.qapi4j.model.introspect.IntrospectionReader;
import io.qapi4j.model.read.SchemaReader;
import io.qapi4j.testing.SharedData;
import io.qapi4j.validator.QmpValidator;
import io.qapi4j.validator.ValidationResult;
import io.qapi4j.validator.Violation;
import io.qapi4j.validator.capture.CaptureReader;
import io.qapi4j.validator.capture.EmbeddedSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Two sessions with the real QEMU 7.2 ({@link QmpLiveSession}), recorded: the tour without
 * mistakes and the full session with them. Every message is validated against (a) QEMU's own
 * {@code query-qmp-schema} and (b) the v7.2.0 release schema, one by one and end to end (the
 * recordings as {@code qapi4j validate} reads them): QEMU's greeting, replies and events break
 * neither; every deliberate mistake is flagged with its code and pointer, in QEMU's words, and
 * nothing else is.
 */
class QmpLiveSessionTest {

  private static QmpLiveSession session;
  private static QmpLiveSession tour;
  private static Path transcript;
  private static Path tourTranscript;
  private static QmpValidator own;
  private static @Nullable QmpValidator release;

  @BeforeAll
  static void runSessions() {
    Path qemu = LiveBinaries.qemu();
    tourTranscript = CaptureFiles.recording(CaptureFiles.QMP);
    tour = QmpLiveSession.tour(qemu, tourTranscript);
    SchemaInfoFile.write(tour.schemaInfo, CaptureFiles.introspectionRecording());
    transcript = CaptureFiles.recording(CaptureFiles.QMP_MISTAKES);
    session = QmpLiveSession.withMistakes(qemu, transcript);
    own = QmpValidator.of(IntrospectionReader.read(session.schemaInfo, "query-qmp-schema")
        .orElseThrow());
  }

  /** The validator of the schema a recording holds (its query-qmp-schema reply). */
  private static QmpValidator ownSchemaOf(Path capture) throws IOException {
    try (CaptureReader reader = CaptureReader.open(capture)) {
      return QmpValidator.of(EmbeddedSchema.find(reader).result().orElseThrow());
    }
  }

  @Test
  void theTourRunsMoreThanEightyCommandsWithoutMistakesAndEndsWithQuit() {
    assertThat(tour.requests()).hasSizeGreaterThanOrEqualTo(80);
    assertThat(tour.steps).allMatch(s -> s.mistake() == null);
    assertThat(tour.requests().get(0)).startsWith("{\"execute\":\"qmp_capabilities\"");
    assertThat(tour.requests()).filteredOn(r -> r.contains("qmp_capabilities")).hasSize(1);
    assertThat(tour.requests()).filteredOn(r -> r.startsWith("{\"exec-oob\"")).hasSize(3);
    assertThat(tour.steps.get(tour.steps.size() - 1).reply().command()).isEqualTo("quit");
    assertThat(tour.events).extracting(ServerMessage::eventName)
        .containsExactly("STOP", "RESUME", "RESET", "POWERDOWN", "SHUTDOWN");
    assertThat(tour.exitStatus).isZero();
  }

  @Test
  void theTourIntrospectionWrittenIsTheReplyItsRecordingHolds() throws IOException {
    Path written = CaptureFiles.introspectionRecording();

    assertThat(TestJson.MAPPER.readTree(written.toFile()))
        .isEqualTo(SchemaInfoFile.answerIn(tourTranscript)).hasSizeGreaterThan(1_000);
    assertThat(Files.readString(written)).isEqualTo(SchemaInfoFile.text(tour.schemaInfo));
  }

  @Test
  void theTourValidatesCleanEndToEndAgainstItsOwnAndTheReleaseSchema() throws IOException {
    assertThat(EndToEnd.findings(tourTranscript, ownSchemaOf(tourTranscript))).isEmpty();
    assertThat(EndToEnd.findings(tourTranscript, release())).isEmpty();
  }

  @Test
  void endToEndTheFullSessionShowsExactlyItsMistakes() throws IOException {
    List<Mistake> all = new ArrayList<>(QmpLiveSession.PROTOCOL_MISTAKES);
    all.addAll(QmpLiveSession.MISTAKES);

    EndToEnd.assertExactlyTheMistakes(transcript,
        EndToEnd.findings(transcript, ownSchemaOf(transcript)), all, Mistake::introspectionFlagsIt);
    EndToEnd.assertExactlyTheMistakes(transcript, EndToEnd.findings(transcript, release()), all,
        m -> true);
  }

  /** The validator of the v7.2.0 release schema (the test is skipped without ../shared). */
  private static QmpValidator release() {
    if (release == null) {
      Schema schema = SchemaReader.compat()
          .read(SharedData.shared("qemu-qapi/releases/v7.2.0/qapi/qapi-schema.json")).orElseThrow();
      release = QmpValidator.of(schema);
    }
    return release;
  }

  @Test
  void theSessionRunsMoreThanEightyCommandsAndEndsWithQuit() {
    List<String> queries = QmpLiveSession.argumentlessQueries(session.schemaInfo);

    assertThat(session.requests()).hasSizeGreaterThanOrEqualTo(80);
    assertThat(queries).hasSizeGreaterThanOrEqualTo(60).contains("query-status", "query-version",
        "query-commands", "query-machines", "x-query-roms");
    assertThat(session.requests()).allSatisfy(r -> assertThat(r).doesNotContain("\n"));
    for (String q : queries) {
      assertThat(session.steps).anySatisfy(s -> assertThat(s.reply().command()).isEqualTo(q));
    }
    assertThat(session.greeting.text()).startsWith(
        "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": ").contains("\"minor\": 2, \"major\": 7}");
    Step last = session.steps.get(session.steps.size() - 1);
    assertThat(last.reply().command()).isEqualTo("quit");
    assertThat(last.reply().isError()).isFalse();
    assertThat(session.exitStatus).isZero();
    assertThat(session.unsolicited).isEmpty();
  }

  @Test
  void qemusGreetingRepliesAndEventsKeepToItsOwnSchema() {
    assertThat(serverViolations(own)).isEmpty();
  }

  @Test
  void qemusGreetingRepliesAndEventsKeepToTheReleaseSchema() {
    assertThat(serverViolations(release())).isEmpty();
  }

  @Test
  void everyCommandNotBrokenOnPurposeIsValid() {
    for (QmpValidator v : List.of(own, release())) {
      List<String> broken = new ArrayList<>();
      for (Step s : session.steps) {
        ValidationResult r = v.validate(s.reply().request());
        if (s.mistake() == null && !r.valid()) {
          broken.add(s.reply().request() + ": " + r.violations());
        }
      }
      assertThat(broken).isEmpty();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyDeliberateMistakeIsFlaggedWithItsCodeAndPointer() {
    return mistakes().map(s -> DynamicTest.dynamicTest(s.mistake().what(), () -> {
      Mistake m = s.mistake();
      assertThat(s.reply().isError()).as("QEMU refuses %s", m.request()).isTrue();
      MistakeChecks.assertFlagged(release(), m);
      if (m.introspectionFlagsIt()) {
        MistakeChecks.assertFlagged(own, m);
      } else {
        assertThat(own.validate(m.request()).violations()).as(
            "introspection shows every integer type as 'int', so %s passes", m.request()).isEmpty();
      }
    }));
  }

  /**
   * Our message for each mistake is QEMU's own {@code desc}, word for word — except a JSON syntax
   * error: QEMU's parser says "expecting value", ours names the character and position (see
   * testdata/captures/README.md).
   */
  @Test
  void ourMessagesAreQemusWords() {
    Map<String, String> differ = MistakeChecks.wordingDifferences(mistakes(), release(), "QEMU");

    assertThat(differ).containsOnlyKeys("not JSON");
    assertThat(differ.get("not JSON"))
        .startsWith("QEMU: JSON parse error, expecting value | ours: JSON parse error, Unexpected character ('}'")
        .endsWith("(line 1, column 13)");
  }

  @Test
  void introspectionHidesTypeNamesSoAlternateMessagesNameTheMaskedType() {
    Step s = mistakes().filter(m -> m.mistake().code().name().equals("NO_ALTERNATE_BRANCH"))
        .findFirst().orElseThrow();

    assertThat(s.reply().errorDescription())
        .isEqualTo("Invalid parameter type for 'file', expected: BlockdevRef");
    assertThat(own.validate(s.mistake().request()).violations().get(0).message())
        .matches("Invalid parameter type for 'file', expected: \\d+");
  }

  @Test
  void commandsOutOfSessionOrderAreRefusedThoughEachMessageIsValid() {
    Reply beforeNegotiation = session.steps.get(0).reply();
    Reply secondNegotiation = session.steps.get(2).reply();

    assertThat(beforeNegotiation.request()).isEqualTo("{\"execute\":\"query-version\",\"id\":1}");
    assertThat(beforeNegotiation.errorClass()).isEqualTo("CommandNotFound");
    assertThat(beforeNegotiation.errorDescription())
        .isEqualTo("Expecting capabilities negotiation with 'qmp_capabilities'");
    assertThat(secondNegotiation.request()).isEqualTo("{\"execute\":\"qmp_capabilities\",\"id\":3}");
    assertThat(secondNegotiation.errorDescription())
        .isEqualTo("Capabilities negotiation is already complete, command ignored");
    // Only a session can tell: each is a valid message on its own.
    assertThat(release().validate(beforeNegotiation.request()).violations()).isEmpty();
    assertThat(release().validate(secondNegotiation.request()).violations()).isEmpty();
  }

  @Test
  void runStateChangesAndQuitSendTheirEvents() {
    assertThat(session.events).extracting(ServerMessage::eventName)
        .containsExactly("STOP", "RESUME", "RESET", "POWERDOWN", "SHUTDOWN");
    assertThat(session.events.get(4).json().get("data").toString())
        .isEqualTo("{\"guest\":false,\"reason\":\"host-qmp-quit\"}");
  }

  @Test
  void outOfBandCommandsAreAnswered() {
    List<Reply> oob = session.steps.stream().map(Step::reply)
        .filter(r -> r.request().startsWith("{\"exec-oob\"") && r.request().contains("\"id\":1"))
        .toList();

    assertThat(oob).extracting(Reply::command).containsExactly("query-yank", "yank", "migrate-pause");
    assertThat(oob.get(0).result().isArray()).isTrue();
    assertThat(oob.get(1).result().isEmpty()).isTrue();
    assertThat(oob.get(2).errorClass()).isEqualTo("GenericError");
  }

  @Test
  void theTranscriptHoldsEveryMessageInWireOrder() throws IOException {
    List<String> lines = Files.readAllLines(transcript, StandardCharsets.UTF_8);
    List<String> sent = lines.stream().filter(l -> l.startsWith("-> ")).map(l -> l.substring(3)).toList();
    List<String> received = lines.stream().filter(l -> l.startsWith("<- ")).map(l -> l.substring(3)).toList();

    assertThat(sent.size() + received.size()).isEqualTo(lines.size());
    assertThat(lines.get(0)).isEqualTo("<- " + session.greeting.text());
    assertThat(sent).isEqualTo(session.requests());
    assertThat(received).hasSize(1 + session.steps.size() + session.events.size());
    // Each reply comes after its request and before the next request.
    int line = 0;
    for (Step s : session.steps) {
      line = lines.indexOf("-> " + s.reply().request());
      int next = nextRequest(lines, line + 1);
      assertThat(lines.subList(line + 1, next)).contains("<- " + s.reply().message().text());
    }
    for (ServerMessage e : session.events) {
      assertThat(lines).contains("<- " + e.text());
    }
  }

  private static int nextRequest(List<String> lines, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).startsWith("-> ")) {
        return i;
      }
    }
    return lines.size();
  }

  @Test
  void theTranscriptServesAsItsOwnSchema() throws IOException {
    List<String> lines = Files.readAllLines(transcript, StandardCharsets.UTF_8);
    int ask = lines.indexOf("-> {\"execute\":\"query-qmp-schema\",\"id\":4}");
    String reply = lines.get(ask + 1).substring(3);

    Schema fromCapture = IntrospectionReader.read(TestJson.json(reply), transcript.toString())
        .orElseThrow();

    assertThat(fromCapture.commands().keySet()).isEqualTo(own.schema().commands().keySet());
    assertThat(fromCapture.events().keySet()).isEqualTo(own.schema().events().keySet());
  }

  private static Stream<Step> mistakes() {
    return session.steps.stream().filter(s -> s.mistake() != null);
  }

  /** Every violation of QEMU's greeting, replies (as replies to their commands) and events. */
  private static List<String> serverViolations(QmpValidator v) {
    List<String> out = new ArrayList<>();
    check(v, session.greeting.text(), null, out);
    for (Step s : session.steps) {
      check(v, s.reply().message().text(), s.reply().command(), out);
    }
    for (ServerMessage e : session.events) {
      check(v, e.text(), null, out);
    }
    return out;
  }

  private static void check(QmpValidator v, String text, @Nullable String inReplyTo, List<String> out) {
    ValidationResult r = v.validate(text, inReplyTo);
    if (!r.violations().isEmpty()) {
      out.add(text.substring(0, Math.min(200, text.length())) + " (reply to " + inReplyTo + "): "
          + r.violations().stream().map(Violation::toString).collect(Collectors.joining("; ")));
    }
  }
}
