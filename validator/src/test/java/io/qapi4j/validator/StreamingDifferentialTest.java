package io.qapi4j.validator;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.model.Schema;
import io.qapi4j.model.read.SchemaReader;
import io.qapi4j.testing.SharedData;
import io.qapi4j.validator.capture.CorpusCaptures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The streaming path gives exactly what the tree walk gives — kind, name, id and the full list of
 * violations — on every message of the project's suite, of QEMU's documentation examples, of the
 * recorded QEMU and qemu-ga sessions of {@code testdata/captures} (deliberate mistakes and
 * malformed lines included), of the third-party corpus, and on seeded random variants of the
 * first three; under strict and lenient output and under QEMU's default and a rejecting compat
 * policy. Captured messages are compared as {@code CaptureValidator} hands them over too: framed
 * bytes, the direction, the command a reply answers.
 */
class StreamingDifferentialTest {

  /** The seed of the random variants; {@code -Dqapi4j.seed=N} explores others. */
  private static final long SEED = Long.getLong("qapi4j.seed", 20261205L);
  private static final int VARIANTS = Integer.getInteger("qapi4j.variants", 12);
  private static final CompatPolicy STRICT_POLICY =
      new CompatPolicy(CompatPolicy.Action.REJECT, CompatPolicy.Action.WARN);

  /** A message to compare on, and the validators of its schema. */
  private record Sample(String text, @Nullable String inReplyTo, String source,
      List<StreamingDifferential> differentials) {}

  /** A captured message to compare on, and the validators of its schema. */
  private record Captured(CaptureSamples.Sample sample,
      List<StreamingDifferential> differentials) {}

  private final Map<Schema, List<StreamingDifferential>> differentials = new HashMap<>();

  private List<StreamingDifferential> differentials(Schema schema) {
    return differentials.computeIfAbsent(schema, s -> {
      Protocol protocol = protocolOf(s);
      return List.of(
          new StreamingDifferential(s, protocol, false, CompatPolicy.ACCEPT_ALL),
          new StreamingDifferential(s, protocol, true, STRICT_POLICY));
    });
  }

  private static Protocol protocolOf(Schema schema) {
    return io.qapi4j.jsonschema.Protocol.detect(schema) == io.qapi4j.jsonschema.Protocol.QGA
        ? Protocol.QGA : Protocol.QMP;
  }

  private List<Sample> suite() throws IOException {
    List<Sample> out = new ArrayList<>();
    for (MessageSuite.Entry e : MessageSuite.entries()) {
      String t = e.target();
      String inReplyTo = t.startsWith("command:") && t.endsWith("/reply")
          ? t.substring("command:".length(), t.length() - "/reply".length()) : null;
      out.add(new Sample(e.text(), inReplyTo, "suite " + e.id(),
          differentials(MessageSuite.schema(e))));
    }
    return out;
  }

  private List<Sample> examples() throws IOException {
    Path master = SharedData.shared("qemu-qapi/master");
    Schema qmp = SchemaReader.compat().read(master.resolve("qapi/qapi-schema.json")).orElseThrow();
    Schema qga = SchemaReader.compat().read(master.resolve("qga/qapi-schema.json")).orElseThrow();
    List<Sample> out = new ArrayList<>();
    for (String line : Files.readAllLines(master.resolve("examples.jsonl"))) {
      JsonNode e = JsonMapper.shared().readTree(line);
      Schema schema = e.get("schema").asString().equals("qga") ? qga : qmp;
      String definition = e.get("definition").isNull() ? null : e.get("definition").asString();
      out.add(new Sample(e.get("text").asString(), definition,
          "examples.jsonl " + e.get("file").asString() + ":" + e.get("line").asInt(),
          differentials(schema)));
    }
    return out;
  }

  /**
   * The recorded QEMU 7.2 sessions of {@code testdata/captures} against their own {@code
   * query-qmp-schema} reply (or the transcript named by {@code -Dqapi4j.transcript=FILE}).
   */
  private List<Captured> recordings() {
    String configured = System.getProperty("qapi4j.transcript");
    List<Path> qmp = configured != null ? List.of(Path.of(configured)) : List.of(
        SharedData.testdata("captures/qmp-qemu-7.2.log"),
        SharedData.testdata("captures/qmp-qemu-7.2-mistakes.log"));
    List<Captured> out = new ArrayList<>();
    for (Path file : qmp) {
      out.addAll(captured(file, CaptureSamples.ownSchema(file)));
    }
    return out;
  }

  /** The recorded qemu-ga 7.2 session against the v7.2.0 release schema (from ../shared). */
  private List<Captured> guestAgentRecording() {
    Schema schema = SchemaReader.compat()
        .read(SharedData.shared("qemu-qapi/releases/v7.2.0/qga/qapi-schema.json")).orElseThrow();
    return captured(SharedData.testdata("captures/qga-qemu-ga-7.2.raw"), schema);
  }

  /** Every message of every file of {@code ../shared/corpus}, against its schema. */
  private List<Captured> corpus() {
    List<Captured> out = new ArrayList<>();
    for (CorpusCaptures.Capture c : CorpusCaptures.all()) {
      out.addAll(captured(c.path(), CorpusCaptures.schemaOf(c)));
    }
    return out;
  }

  private List<Captured> captured(Path file, Schema schema) {
    List<StreamingDifferential> d = differentials(schema);
    return CaptureSamples.read(file, protocolOf(schema), schema).stream()
        .map(s -> new Captured(s, d)).toList();
  }

  /** Compares on each message as captured, and (UTF-8 text) as bytes, text and a stream. */
  private static int compareCaptured(List<Captured> samples) {
    int n = 0;
    for (Captured c : samples) {
      CaptureSamples.Sample s = c.sample();
      for (StreamingDifferential d : c.differentials()) {
        d.check(s.json(), s.direction(), s.inReplyTo(), s.source());
        d.check(s.json(), s.inReplyTo(), s.source());
        n++;
      }
    }
    return n;
  }

  private static int compare(List<Sample> samples) {
    int n = 0;
    for (Sample s : samples) {
      for (StreamingDifferential d : s.differentials()) {
        d.check(s.text(), s.inReplyTo(), s.source());
        n++;
      }
    }
    return n;
  }

  @Test
  void everyMessageOfTheSuite() throws IOException {
    assertThat(compare(suite())).isGreaterThanOrEqualTo(2 * 334);
  }

  @Test
  void everyExampleOfQemusDocumentation() throws IOException {
    assertThat(compare(examples())).isGreaterThanOrEqualTo(2 * 500);
  }

  @Test
  void everyMessageOfTheRecordedQemuSessions() {
    assertThat(compareCaptured(recordings())).isGreaterThanOrEqualTo(2 * 2 * 200);
  }

  @Test
  void everyMessageOfTheRecordedGuestAgentSession() {
    assertThat(compareCaptured(guestAgentRecording())).isGreaterThanOrEqualTo(2 * 2 * 47);
  }

  @Test
  void everyMessageOfTheCorpus() {
    assertThat(compareCaptured(corpus())).isGreaterThanOrEqualTo(2 * 3_928);
  }

  @Test
  void seededVariantsOfEveryMessage() throws IOException {
    List<Sample> bases = new ArrayList<>(suite());
    bases.addAll(examples());
    MessageMutator mutator = new MessageMutator(SEED);
    int compared = 0;
    for (Sample s : bases) {
      JsonNode message = parsed(s.text().getBytes(StandardCharsets.UTF_8));
      if (message == null) {
        continue;
      }
      for (int i = 0; i < VARIANTS; i++) {
        byte[] variant = mutator.mutate(message);
        for (StreamingDifferential d : s.differentials()) {
          d.check(variant, s.inReplyTo(), s.source() + ", variant " + i + " of seed " + SEED);
          compared++;
        }
      }
    }
    for (Captured c : recordings()) {
      CaptureSamples.Sample s = c.sample();
      JsonNode message = parsed(s.json());
      if (message == null) {
        continue;
      }
      for (int i = 0; i < VARIANTS; i++) {
        byte[] variant = mutator.mutate(message);
        for (StreamingDifferential d : c.differentials()) {
          d.check(variant, s.direction(), s.inReplyTo(),
              s.source() + ", variant " + i + " of seed " + SEED);
          compared++;
        }
      }
    }
    assertThat(compared).isGreaterThan(10_000);
  }

  private static @Nullable JsonNode parsed(byte[] json) {
    try {
      return MessageParser.MAPPER.readTree(json);
    } catch (RuntimeException notJson) {
      return null;
    }
  }
}
