package io.qapi4j.validator.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.model.introspect.IntrospectionReader;
import io.qapi4j.model.read.SchemaReader;
import io.qapi4j.testing.SharedData;
import io.qapi4j.validator.QmpValidator;
import io.qapi4j.validator.ValidationResult;
import io.qapi4j.validator.capture.CaptureReader;
import io.qapi4j.validator.capture.EmbeddedSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The committed recordings ({@code testdata/captures/}) hold what their README says, without a
 * QEMU on the machine: the QMP transcripts validate against their own {@code query-qmp-schema}
 * reply and the release schema, the raw QGA stream against the release schema; the tour shows no
 * finding at all, and the findings of the recordings with deliberate mistakes are exactly their
 * golden files ({@code *.expected.txt}), through the same path as {@code qapi4j validate}. Replies
 * are also paired with requests by order: the sessions are strictly one command at a time.
 */
class CommittedCapturesTest {

  private static final String RELEASE = "qemu-qapi/releases/v7.2.0/";

  /** A request and the reply that follows it. */
  private record Pair(String request, String reply) {}

  private static QmpValidator ownSchemaOf(Path capture) throws IOException {
    try (CaptureReader reader = CaptureReader.open(capture)) {
      return QmpValidator.of(EmbeddedSchema.find(reader).result().orElseThrow());
    }
  }

  private static QmpValidator qmpRelease() {
    return QmpValidator.of(SchemaReader.compat()
        .read(SharedData.shared(RELEASE + "qapi/qapi-schema.json")).orElseThrow());
  }

  private static QmpValidator qgaRelease() {
    return QmpValidator.forQga(SchemaReader.compat()
        .read(SharedData.shared(RELEASE + "qga/qapi-schema.json")).orElseThrow());
  }

  @Test
  void theQmpTourHasNoMistakeAndValidatesCleanEndToEnd() throws Exception {
    Path tour = CaptureFiles.committed(CaptureFiles.QMP);
    List<String> lines = Files.readAllLines(tour, StandardCharsets.UTF_8);
    List<String> requests = lines.stream().filter(l -> l.startsWith("-> ")).toList();

    assertThat(requests).hasSizeGreaterThanOrEqualTo(80).noneMatch(r -> r.contains("mistake"));
    assertThat(requests.get(0)).startsWith("-> {\"execute\":\"qmp_capabilities\"");
    assertThat(requests.get(requests.size() - 1)).startsWith("-> {\"execute\":\"quit\"");
    assertThat(lines).filteredOn(l -> l.contains("\"event\": ")).hasSize(5);
    assertThat(EndToEnd.findings(tour, ownSchemaOf(tour))).isEmpty();
    assertThat(EndToEnd.findings(tour, qmpRelease())).isEmpty();
  }

  /**
   * The CLI's bundled QMP schema of last resort is the tour's {@code query-qmp-schema} answer,
   * written when the recordings are (regenerate both together).
   */
  @Test
  void theCommittedIntrospectionIsTheAnswerTheTourRecordingHolds() throws Exception {
    JsonNode recorded = SchemaInfoFile.answerIn(CaptureFiles.committed(CaptureFiles.QMP));
    Path committed = CaptureFiles.committedIntrospection();

    assertThat(Files.readString(committed, StandardCharsets.UTF_8))
        .isEqualTo(SchemaInfoFile.text(recorded));
    assertThat(IntrospectionReader.read(TestJson.MAPPER.readTree(committed.toFile()),
        committed.toString()).errors()).isEmpty();
    assertThat(recorded).hasSize(1_051);
  }

  @Test
  void theQmpSessionWithMistakesFindsExactlyItsGoldenFindings() throws Exception {
    Path capture = CaptureFiles.committed(CaptureFiles.QMP_MISTAKES);
    List<Mistake> all = new ArrayList<>(QmpLiveSession.PROTOCOL_MISTAKES);
    all.addAll(QmpLiveSession.MISTAKES);

    List<String> own = EndToEnd.findings(capture, ownSchemaOf(capture));
    List<String> release = EndToEnd.findings(capture, qmpRelease());

    assertThat(own).containsExactlyElementsOf(EndToEnd.golden(SharedData.testdata(
        "captures/qmp-qemu-7.2-mistakes.own-schema.expected.txt")));
    assertThat(release).containsExactlyElementsOf(EndToEnd.golden(SharedData.testdata(
        "captures/qmp-qemu-7.2-mistakes.release-schema.expected.txt")));
    EndToEnd.assertExactlyTheMistakes(capture, own, all, Mistake::introspectionFlagsIt);
    EndToEnd.assertExactlyTheMistakes(capture, release, all, m -> true);
  }

  @Test
  void theRawQgaStreamFindsExactlyItsGoldenFindings() {
    Path capture = CaptureFiles.committed(CaptureFiles.QGA);

    List<String> found = EndToEnd.findings(capture, qgaRelease());

    assertThat(found).containsExactlyElementsOf(EndToEnd.golden(SharedData.testdata(
        "captures/qga-qemu-ga-7.2.release-schema.expected.txt")));
    EndToEnd.assertExactlyTheMistakes(capture, found, QgaLiveSession.MISTAKES, m -> true);
  }

  @Test
  void theQmpTranscriptIsItsOwnSchemaAndQemusMessagesKeepToIt() throws Exception {
    List<String> lines = Files.readAllLines(CaptureFiles.committed(CaptureFiles.QMP_MISTAKES),
        StandardCharsets.UTF_8);
    assertThat(lines).allMatch(l -> l.startsWith("-> ") || l.startsWith("<- "));
    assertThat(lines.get(0)).startsWith("<- {\"QMP\": {\"version\": {\"qemu\": {\"micro\": ");

    List<Pair> pairs = new ArrayList<>();
    List<String> events = new ArrayList<>();
    String pending = null;
    for (String line : lines.subList(1, lines.size())) {
      String text = line.substring(3);
      if (line.startsWith("-> ")) {
        pending = text;
      } else if (text.contains("\"event\": ")) {
        events.add(text);
      } else {
        pairs.add(new Pair(pending, text));
      }
    }
    Pair schemaPair = pairs.stream().filter(p -> p.request().contains("\"query-qmp-schema\""))
        .findFirst().orElseThrow();
    QmpValidator own = QmpValidator.of(IntrospectionReader.read(TestJson.json(schemaPair.reply()),
        CaptureFiles.QMP_MISTAKES).orElseThrow());

    assertThat(pairs).hasSizeGreaterThanOrEqualTo(80);
    assertThat(events).hasSize(5);
    assertThat(own.validate(lines.get(0).substring(3)).violations()).isEmpty();
    List<String> broken = new ArrayList<>();
    for (Pair p : pairs) {
      String command = commandOf(p.request());
      ValidationResult reply = own.validate(p.reply(), command);
      if (!reply.violations().isEmpty()) {
        broken.add(p.reply() + ": " + reply.violations());
      }
      boolean mistake = QmpLiveSession.MISTAKES.stream().anyMatch(m -> m.request().equals(p.request()));
      if (!mistake && !own.validate(p.request()).violations().isEmpty()) {
        broken.add(p.request() + ": " + own.validate(p.request()).violations());
      }
    }
    events.forEach(e -> own.validate(e).violations().forEach(v -> broken.add(e + ": " + v)));
    assertThat(broken).isEmpty();
    for (Mistake m : QmpLiveSession.MISTAKES) {
      assertThat(pairs).extracting(Pair::request).contains(m.request());
      if (m.introspectionFlagsIt()) {
        assertThat(own.validate(m.request()).violations().get(0).code()).as(m.request()).isEqualTo(m.code());
      }
    }
  }

  @Test
  void theRawQgaStreamHoldsItsSentinelsAndTheAgentsMessagesKeepToTheReleaseSchema() throws Exception {
    byte[] bytes = Files.readAllBytes(CaptureFiles.committed(CaptureFiles.QGA));
    List<LineFramer.Frame> frames = new ArrayList<>();
    LineFramer framer = new LineFramer();
    framer.feed(bytes, 0, bytes.length, frames::add);
    framer.finish(frames::add);
    QmpValidator release = qgaRelease();

    List<String> texts = frames.stream().map(f -> new String(f.bytes(), StandardCharsets.UTF_8)).toList();
    assertThat(frames.get(0).afterSentinel()).isTrue();
    assertThat(texts.get(0)).startsWith("{\"execute\":\"guest-sync-delimited\"");
    assertThat(texts.get(1)).isEqualTo(
        "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, stray '\\uFFFD'\"}}");
    assertThat(frames.get(2).afterSentinel()).isTrue();
    assertThat(frames.stream().filter(LineFramer.Frame::afterSentinel)).hasSize(2);

    List<String> broken = new ArrayList<>();
    String command = "guest-sync-delimited";
    int requests = 1;
    for (String text : texts.subList(1, texts.size())) {
      if (text.startsWith("{\"execute\"") || text.startsWith("{\"exec-oob\"") || text.startsWith("{\"arguments\"")
          || text.equals("[]")) {
        requests++;
        command = commandOf(text);
        continue;
      }
      ValidationResult r = release.validate(text, command);
      if (!r.violations().isEmpty()) {
        broken.add(text + ": " + r.violations());
      }
    }
    assertThat(broken).isEmpty();
    assertThat(requests).isGreaterThanOrEqualTo(20 + QgaLiveSession.MISTAKES.size());
    for (Mistake m : QgaLiveSession.MISTAKES) {
      assertThat(texts).contains(m.request());
      assertThat(release.validate(m.request()).violations().get(0).code()).as(m.request()).isEqualTo(m.code());
    }
  }

  /** The command a request names, or {@code null}. */
  private static String commandOf(String request) {
    try {
      var json = TestJson.json(request);
      var name = json.isObject() ? json.get(json.has("execute") ? "execute" : "exec-oob") : null;
      return name != null && name.isString() ? name.asString() : null;
    } catch (RuntimeException notJson) {
      return null;
    }
  }
}
