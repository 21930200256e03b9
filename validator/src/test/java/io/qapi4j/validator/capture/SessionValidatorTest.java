package io.qapi4j.validator.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qapi4j.model.Schema;
import io.qapi4j.model.introspect.IntrospectionWriter;
import io.qapi4j.model.read.SchemaReader;
import io.qapi4j.testing.SharedData;
import io.qapi4j.validator.Direction;
import io.qapi4j.validator.QmpValidator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A live session validated from the bytes of its two directions: the same findings, at the same
 * positions, as the validation of its transcript — which it writes itself — however the bytes
 * are cut into chunks.
 */
class SessionValidatorTest {

  private static final Schema SCHEMA = SessionTrackerTest.SCHEMA;

  /** What a session found: findings and malformed input, as reports print them, and the record. */
  private record Seen(List<String> findings, CaptureSummary summary, String transcript) {}

  private static CaptureListener collecting(List<String> out) {
    return CaptureListener.of(f -> out.add(f.toString() + " " + f.message().direction().arrow()),
        u -> out.add(u.toString()));
  }

  /** The transcript's lines fed as the two byte streams they came from, in random chunks. */
  private static Seen live(QmpValidator validator, String transcript, long seed) {
    List<String> found = new ArrayList<>();
    ByteArrayOutputStream record = new ByteArrayOutputStream();
    SessionValidator session = CaptureValidator.of(validator).session("t", collecting(found))
        .recordTo(record, "record");
    Random random = new Random(seed);
    Direction pendingDirection = null;
    ByteArrayOutputStream pending = new ByteArrayOutputStream();
    for (String line : transcript.split("\n")) {
      Direction d = line.startsWith("-> ") ? Direction.CLIENT : Direction.SERVER;
      if (d != pendingDirection && pendingDirection != null) {
        feedInChunks(session, pendingDirection, pending.toByteArray(), random);
        pending.reset();
      }
      pendingDirection = d;
      // QEMU ends its lines with CRLF, clients with LF; the transcript keeps neither.
      pending.writeBytes((line.substring(3) + (d == Direction.SERVER ? "\r\n" : "\n"))
          .getBytes(StandardCharsets.UTF_8));
    }
    feedInChunks(session, pendingDirection, pending.toByteArray(), random);
    CaptureSummary summary = session.finish();
    return new Seen(found, summary, record.toString(StandardCharsets.UTF_8));
  }

  private static void feedInChunks(SessionValidator session, Direction d, byte[] bytes,
      Random random) {
    for (int i = 0; i < bytes.length; ) {
      int n = Math.min(bytes.length - i, 1 + random.nextInt(random.nextBoolean() ? 7 : 4096));
      session.feed(d, bytes, i, n);
      i += n;
    }
  }

  private static Seen fromCapture(QmpValidator validator, String transcript) {
    List<String> found = new ArrayList<>();
    try (CaptureReader reader = CaptureReader.of(new ByteArrayInputStream(
        transcript.getBytes(StandardCharsets.UTF_8)), "t")) {
      CaptureSummary summary = CaptureValidator.of(validator).validate(reader, collecting(found));
      return new Seen(found, summary, transcript);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void theRecordingOfARealSessionFindsWhatItsTranscriptFinds(long seed) throws IOException {
    String transcript = Files.readString(SharedData.testdata("captures/qmp-qemu-7.2-mistakes.log"));
    Schema own;
    try (CaptureReader reader = CaptureReader.open(SharedData.testdata(
        "captures/qmp-qemu-7.2-mistakes.log"))) {
      own = EmbeddedSchema.find(reader).result().orElseThrow();
    }
    QmpValidator validator = QmpValidator.of(own);

    Seen live = live(validator, transcript, seed);
    Seen captured = fromCapture(validator, transcript);

    assertThat(live.findings()).isNotEmpty().isEqualTo(captured.findings());
    assertThat(live.transcript()).isEqualTo(transcript);
    assertThat(live.summary().messages()).isEqualTo(captured.summary().messages());
    assertThat(live.summary().byCode()).isEqualTo(captured.summary().byCode());
    assertThat(live.summary().unparsed()).isEqualTo(captured.summary().unparsed()).isEqualTo(1);
    assertThat(live.summary().format()).isEqualTo(CaptureFormat.TRANSCRIPT);
  }

  @Test
  void linesAreNumberedAsTheyStartAndWrittenInThatOrder() {
    List<String> found = new ArrayList<>();
    ByteArrayOutputStream record = new ByteArrayOutputStream();
    SessionValidator session = CaptureValidator.of(QmpValidator.of(SCHEMA))
        .session("s", collecting(found)).recordTo(record, "record");

    feed(session, Direction.CLIENT, "{\"execute\": \"query-status\", \"id\": 1}\n");
    feed(session, Direction.CLIENT, "{\"execute\": \"set-speed\", ");
    feed(session, Direction.SERVER, "{\"event\": \"STOP\", \"timestamp\": {\"seconds\": 1,"
        + " \"microseconds\": 2}}\r\n{\"return\": {\"running\": false, \"status\": \"paused\"},");
    feed(session, Direction.CLIENT, "\"arguments\": {\"device\": \"d\"}, \"id\": 2}\n");
    feed(session, Direction.SERVER, " \"id\": 1}\r\n");
    CaptureSummary summary = session.finish();

    // set-speed started on line 2 before the event (3) and the reply (4): it is written there.
    assertThat(record.toString(StandardCharsets.UTF_8)).isEqualTo("""
        -> {"execute": "query-status", "id": 1}
        -> {"execute": "set-speed", "arguments": {"device": "d"}, "id": 2}
        <- {"event": "STOP", "timestamp": {"seconds": 1, "microseconds": 2}}
        <- {"return": {"running": false, "status": "paused"}, "id": 1}
        """);
    assertThat(found).containsExactly(
        "s:2: [MISSING_MEMBER] set-speed /arguments/speed: Parameter 'speed' is missing ->",
        "s:2: [UNANSWERED_COMMAND] set-speed: The command set-speed with id 2 got no reply before"
            + " the end of the capture ->");
    assertThat(summary.messages()).isEqualTo(4);
    assertThat(summary.sessions()).isEqualTo(1);
  }

  @Test
  void aMessageOverSeveralLinesIsOneMessageAndItsRecordReadsBackWhole() {
    List<String> found = new ArrayList<>();
    ByteArrayOutputStream record = new ByteArrayOutputStream();
    SessionValidator session = CaptureValidator.of(QmpValidator.of(SCHEMA))
        .session("t", collecting(found)).recordTo(record, "record");

    feed(session, Direction.CLIENT, "{\"execute\": \"set-speed\",\n  \"arguments\": {\"device\": \"d\","
        + "\n\"speed\": 1.5}}\n");
    feed(session, Direction.SERVER, "{\"error\": {\"class\": \"GenericError\", \"desc\":"
        + " \"Parameter 'speed' expects uint64\"}}\r\n");
    session.finish();
    String transcript = record.toString(StandardCharsets.UTF_8);

    assertThat(transcript).isEqualTo("-> {\"execute\": \"set-speed\",\n"
        + "     \"arguments\": {\"device\": \"d\",\n"
        + "   \"speed\": 1.5}}\n"
        + "<- {\"error\": {\"class\": \"GenericError\", \"desc\": \"Parameter 'speed' expects"
        + " uint64\"}}\n");
    // As QEMU says it: a uint32 is read as a uint64 first.
    assertThat(found).containsExactly(
        "t:1: [INVALID_TYPE] set-speed /arguments/speed: Parameter 'speed' expects uint64 ->");
    assertThat(fromCapture(QmpValidator.of(SCHEMA), transcript).findings())
        .containsExactlyElementsOf(found);
  }

  @Test
  void whatAPeerSendsThatIsNoJsonIsMalformedWithItsPosition() {
    List<String> found = new ArrayList<>();
    SessionValidator session = CaptureValidator.of(QmpValidator.of(SCHEMA))
        .session("s", collecting(found));

    feed(session, Direction.CLIENT, "hello\n{\"execute\": }\n");
    feed(session, Direction.SERVER, "{\"error\": {\"class\": \"GenericError\", \"desc\":"
        + " \"JSON parse error, invalid keyword 'hello'\"}}\r\n");
    CaptureSummary summary = session.finish();

    assertThat(found).hasSize(3);
    assertThat(found.get(0)).isEqualTo("s:1: not a JSON object or array: hello");
    assertThat(found.get(1)).startsWith("s:2: JSON parse error, Unexpected character ('}'")
        .endsWith("(line 2, column 16)");
    assertThat(found.get(2)).startsWith("s:3: [UNEXPECTED_REPLY] -: Unsolicited reply");
    assertThat(summary.unparsed()).isEqualTo(2);
  }

  @Test
  void guestAgentSyncBytesKeepTheirPlaceInTheRecord() {
    List<String> found = new ArrayList<>();
    ByteArrayOutputStream record = new ByteArrayOutputStream();
    Schema qga = SessionTrackerTest.QGA;
    SessionValidator session = CaptureValidator.of(QmpValidator.forQga(qga))
        .session("g", collecting(found)).recordTo(record, "record");

    byte[] sync = Captures.withSyncBytes("ÿ{\"execute\": \"guest-sync-delimited\", \"arguments\":"
        + " {\"id\": 7}}\n");
    session.feed(Direction.CLIENT, sync, 0, sync.length);
    feed(session, Direction.SERVER, "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON"
        + " parse error, stray '\\uFFFD'\"}}\n");
    byte[] reply = Captures.withSyncBytes("ÿ{\"return\": 7}\n");
    session.feed(Direction.SERVER, reply, 0, reply.length);
    CaptureSummary summary = session.finish();

    assertThat(found).containsExactly("g:2: [UNEXPECTED_REPLY] -: Unsolicited reply to input the"
        + " server could not parse (such as the 0xFF sync byte a client sends): normal traffic <-");
    assertThat(summary.syncBytes()).isEqualTo(2);
    byte[] transcript = record.toByteArray();
    assertThat(transcript[3]).isEqualTo((byte) 0xFF);
    List<String> again = new ArrayList<>();
    try (CaptureReader reader = CaptureReader.of(new ByteArrayInputStream(transcript), "g")) {
      CaptureSummary read = CaptureValidator.of(QmpValidator.forQga(qga))
          .validate(reader, collecting(again));
      assertThat(read.format()).isEqualTo(CaptureFormat.TRANSCRIPT);
      assertThat(read.syncBytes()).isEqualTo(2);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(again).isEqualTo(found);
  }

  @Test
  void theServersSchemaReplyIsAdoptedWhenAsked() {
    String reply = "{\"return\": " + IntrospectionWriter.builder().build().write(SCHEMA)
        + ", \"id\": 1}";
    Schema before = SchemaReader.compat().readText("before.json",
        "{ 'command': 'query-qmp-schema', 'returns': [ 'any' ] }").orElseThrow();
    List<String> found = new ArrayList<>();
    List<EmbeddedSchema.Found> adopted = new ArrayList<>();
    SessionValidator session = CaptureValidator.of(QmpValidator.of(before))
        .session("s", collecting(found)).adoptServerSchema(adopted::add);

    feed(session, Direction.CLIENT, "{\"execute\": \"set-speed\", \"id\": 0}\n");
    feed(session, Direction.SERVER, "{\"error\": {\"class\": \"GenericError\", \"desc\": \"x\"},"
        + " \"id\": 0}\r\n");
    feed(session, Direction.CLIENT, "{\"execute\": \"query-qmp-schema\", \"id\": 1}\n");
    feed(session, Direction.SERVER, reply + "\r\n");
    feed(session, Direction.CLIENT, "{\"execute\": \"set-speed\", \"id\": 2}\n");
    feed(session, Direction.SERVER, "{\"error\": {\"class\": \"GenericError\", \"desc\": \"y\"},"
        + " \"id\": 2}\r\n");
    session.finish();

    assertThat(adopted).singleElement().satisfies(f -> {
      assertThat(f.line()).isEqualTo(4);
      assertThat(f.result().orElseThrow().commands().keySet())
          .isEqualTo(SCHEMA.commands().keySet());
    });
    // Before: set-speed is unknown; after: it is known, and lacks its arguments.
    assertThat(found).filteredOn(f -> f.contains("set-speed")).containsExactly(
        "s:1: [UNKNOWN_COMMAND] set-speed /execute: The command set-speed has not been found ->",
        "s:5: [MISSING_MEMBER] set-speed /arguments/device: Parameter 'device' is missing ->",
        "s:5: [MISSING_MEMBER] set-speed /arguments/speed: Parameter 'speed' is missing ->");
  }

  @Test
  void aFinishedSessionTakesNoMoreBytes() {
    SessionValidator session = CaptureValidator.of(QmpValidator.of(SCHEMA))
        .session("s", CaptureListener.of(f -> { }, u -> { }));
    CaptureSummary summary = session.finish();

    assertThat(session.finish()).isSameAs(summary);
    assertThatThrownBy(() -> feed(session, Direction.CLIENT, "{}"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> CaptureValidator.of(QmpValidator.of(SCHEMA))
        .session("s", CaptureListener.of(f -> { }, u -> { }))
        .feed(Direction.UNKNOWN, new byte[1], 0, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  private static void feed(SessionValidator session, Direction d, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    session.feed(d, bytes, 0, bytes.length);
  }
}
