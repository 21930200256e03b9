package io.qapi4j.validator.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.model.Schema;
import io.qapi4j.model.read.SchemaReader;
import io.qapi4j.testing.SharedData;
import io.qapi4j.validator.Direction;
import io.qapi4j.validator.MessageKind;
import io.qapi4j.validator.Protocol;
import io.qapi4j.validator.QmpValidator;
import io.qapi4j.validator.ValidationResult;
import io.qapi4j.validator.ViolationCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Broken, random and huge input: positioned items, never an exception. */
class HostileCaptureTest {

  private static final Schema SCHEMA = SessionTrackerTest.SCHEMA;
  private static final byte[] SAMPLE = read("captures/session.jsonl");
  private static final byte[] NOISE = "{}[]\"'\\:, \n\n\r\tab0-\u00ff\u0000".getBytes(
      StandardCharsets.ISO_8859_1);

  private static byte[] read(String testdata) {
    try {
      return Files.readAllBytes(SharedData.testdata(testdata));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A seeded mutation of the sample capture: bytes replaced, inserted and deleted. */
  private static byte[] mutate(Random random) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte b : SAMPLE) {
      int dice = random.nextInt(200);
      if (dice == 0) {
        continue;
      }
      if (dice == 1) {
        out.write(NOISE[random.nextInt(NOISE.length)]);
      } else if (dice == 2) {
        out.write(b);
        out.write(NOISE[random.nextInt(NOISE.length)]);
        continue;
      }
      if (dice != 1) {
        out.write(b);
      }
    }
    return out.toByteArray();
  }

  @RepeatedTest(300)
  void randomDamageGivesOrderedItemsAndNoException(RepetitionInfo repetition) {
    long seed = 0x5EED_0000L + repetition.getCurrentRepetition();
    byte[] capture = mutate(new Random(seed));

    List<String> findings = SessionTrackerTest.findings(SCHEMA, Protocol.QMP, capture);
    Captures.Read read = Captures.read(capture);

    long previous = -1;
    for (CaptureItem item : read.items()) {
      assertThat(item.offset()).as("seed %x", seed).isGreaterThan(previous);
      previous = item.offset();
      if (item instanceof CapturedMessage m) {
        // What the reader lets through, the validator's parser reads too.
        assertThat(QmpValidator.of(SCHEMA).validate(m.json()).violations())
            .as("seed %x: %s", seed, m)
            .noneMatch(v -> v.code() == ViolationCode.JSON_PARSE_ERROR);
      }
    }
    assertThat(findings).as("seed %x", seed).noneMatch(f -> f.contains("Exception"));
  }

  @Test
  void theEnvelopeIsReadAsTheValidatorReadsTheMessage() throws IOException {
    QmpValidator validator = QmpValidator.of(SCHEMA);
    JsonMapper mapper = JsonMapper.shared();
    int parsed = 0;
    for (String line : Files.readAllLines(SharedData.testdata("messages/suite.jsonl"))) {
      JsonNode c = mapper.readTree(line);
      byte[] text = c.get("text").asString().getBytes(StandardCharsets.UTF_8);
      EnvelopeParser.Peeked peek = EnvelopeParser.peek(text, 1, 1);
      ValidationResult result = validator.validate(text, Direction.UNKNOWN, null);
      boolean parseError = result.kind() == MessageKind.UNKNOWN && result.violations().stream()
          .anyMatch(v -> v.code() == ViolationCode.JSON_PARSE_ERROR);
      assertThat(peek.envelope() == null).as(c.get("id").asString()).isEqualTo(parseError);
      if (peek.envelope() != null) {
        parsed++;
        assertThat(peek.envelope().kind(Protocol.QMP, Direction.UNKNOWN))
            .as(c.get("id").asString()).isEqualTo(result.kind());
      }
    }
    assertThat(parsed).isGreaterThan(300);
  }

  @Test
  void aGigabyteMessageIsSkippedWithBoundedMemoryAndReadingGoesOn() throws IOException {
    long size = 1L << 30;
    byte[] mebibyte = new byte[1 << 20];
    java.util.Arrays.fill(mebibyte, (byte) 'x');
    InputStream huge = new SequenceInputStream(java.util.Collections.enumeration(
        java.util.Collections.nCopies((int) (size >> 20), mebibyte).stream()
            .map(ByteArrayInputStream::new).toList()));
    InputStream capture = new SequenceInputStream(java.util.Collections.enumeration(List.of(
        new ByteArrayInputStream("{\"execute\": \"a\"}\n{\"execute\": \"b\", \"arguments\": {\"s\": \""
            .getBytes(StandardCharsets.US_ASCII)),
        huge,
        new ByteArrayInputStream("\"}}\n{\"execute\": \"c\"}\n".getBytes(StandardCharsets.US_ASCII)))));

    Captures.Read read = Captures.read(CaptureReader.of(capture, "huge"));

    assertThat(read.texts()).containsExactly("{\"execute\": \"a\"}", "{\"execute\": \"c\"}");
    assertThat(read.unparsed()).singleElement().satisfies(u -> {
      assertThat(u.line()).isEqualTo(2);
      assertThat(u.message()).isEqualTo("message larger than 67108864 bytes (QEMU's limit is"
          + " 64 MiB): skipped");
    });
    assertThat(read.messages().get(1).line()).isEqualTo(3);
    assertThat(read.messages().get(1).offset()).isEqualTo(size + "{\"execute\": \"a\"}\n".length()
        + "{\"execute\": \"b\", \"arguments\": {\"s\": \"".length() + "\"}}\n".length());
  }
}
