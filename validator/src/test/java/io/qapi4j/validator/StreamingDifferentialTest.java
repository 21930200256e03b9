package io.qapi4j.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.qapi4j.model.Schema;
import io.qapi4j.model.read.SchemaReader;
import io.qapi4j.testing.SharedData;
import java.io.IOException;
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
 * violations — on every message of the project's suite, of QEMU's documentation examples, of a
 * recorded QEMU session, and on seeded random variants of all of them; under strict and lenient
 * output and under QEMU's default and a rejecting compat policy.
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

  private final Map<Schema, List<StreamingDifferential>> differentials = new HashMap<>();

  private List<StreamingDifferential> differentials(Schema schema) {
    return differentials.computeIfAbsent(schema, s -> {
      Protocol protocol = io.qapi4j.jsonschema.Protocol.detect(s) == io.qapi4j.jsonschema.Protocol.QGA
          ? Protocol.QGA : Protocol.QMP;
      return List.of(
          new StreamingDifferential(s, protocol, false, CompatPolicy.ACCEPT_ALL),
          new StreamingDifferential(s, protocol, true, STRICT_POLICY));
    });
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
   * The recorded QEMU 7.2 session of {@code testdata/captures/qmp-qemu-7.2.log}, or the transcript
   * named by {@code -Dqapi4j.transcript=FILE}; none when neither exists.
   */
  private List<Sample> transcript() throws IOException {
    String configured = System.getProperty("qapi4j.transcript");
    Path file = configured != null ? Path.of(configured)
        : SharedData.testdata("captures/qmp-qemu-7.2.log");
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    QmpTranscriptFile t = QmpTranscriptFile.read(file);
    List<Sample> out = new ArrayList<>();
    for (QmpTranscriptFile.Line l : t.lines()) {
      out.add(new Sample(l.text(), l.inReplyTo(), file.getFileName() + ":" + l.number(),
          differentials(t.schema())));
    }
    return out;
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
  void everyMessageOfARecordedQemuSession() throws IOException {
    List<Sample> samples = transcript();
    assumeTrue(!samples.isEmpty(), "skipped: no QEMU transcript at testdata/captures/"
        + "qmp-qemu-7.2.log (or -Dqapi4j.transcript=FILE)");
    assertThat(compare(samples)).isGreaterThanOrEqualTo(2 * 50);
  }

  @Test
  void seededVariantsOfEveryMessage() throws IOException {
    List<Sample> bases = new ArrayList<>(suite());
    bases.addAll(examples());
    bases.addAll(transcript());
    MessageMutator mutator = new MessageMutator(SEED);
    int compared = 0;
    for (Sample s : bases) {
      JsonNode message;
      try {
        message = MessageParser.MAPPER.readTree(s.text());
      } catch (RuntimeException notJson) {
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
    assertThat(compared).isGreaterThan(10_000);
  }
}
