package io.qapi4j.validator.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.model.introspect.IntrospectionReader;
import io.qapi4j.model.read.SchemaReader;
import io.qapi4j.testing.SharedData;
import io.qapi4j.validator.QmpValidator;
import io.qapi4j.validator.ValidationResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The committed recordings ({@code testdata/captures/}) hold what their README says, without a
 * QEMU on the machine: the QMP transcript validates against its own {@code query-qmp-schema}
 * reply, the raw QGA stream against the release schema, and the deliberate mistakes in them are
 * flagged. Replies are paired with requests by order: both sessions are strictly one command at
 * a time.
 */
class CommittedCapturesTest {

  /** A request and the reply that follows it. */
  private record Pair(String request, String reply) {}

  @Test
  void theQmpTranscriptIsItsOwnSchemaAndQemusMessagesKeepToIt() throws Exception {
    List<String> lines = Files.readAllLines(CaptureFiles.committed(CaptureFiles.QMP), StandardCharsets.UTF_8);
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
        "qmp-qemu-7.2.log").orElseThrow());

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
    QmpValidator release = QmpValidator.forQga(SchemaReader.compat()
        .read(SharedData.shared("qemu-qapi/releases/v7.2.0/qga/qapi-schema.json")).orElseThrow());

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
