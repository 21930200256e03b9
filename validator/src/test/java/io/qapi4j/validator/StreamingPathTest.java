package io.qapi4j.validator;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.model.Schema;
import io.qapi4j.model.read.SchemaReader;
import io.qapi4j.testing.SharedData;
import io.qapi4j.validator.checks.CompiledSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the streaming path decides itself and what it leaves to the tree walk, and that member
 * order does not change the violations (the differential tests compare them with the tree walk).
 */
class StreamingPathTest {

  private static final Schema FROB =
      SchemaReader.strict().read(SharedData.testdata("validator/frob.json")).orElseThrow();
  private static final StreamingMessageChecker STREAMING = streaming(FROB, Protocol.QMP);
  private static final QmpValidator VALIDATOR = QmpValidator.of(FROB);

  private static StreamingMessageChecker streaming(Schema schema, Protocol protocol) {
    CompiledSchema compiled = CompiledSchema.compile(schema);
    return new StreamingMessageChecker(new NativeMessageChecker(compiled, protocol, false,
        CompatPolicy.ACCEPT_ALL), compiled, protocol);
  }

  private static StreamingDifferential differential() {
    return new StreamingDifferential(FROB, Protocol.QMP, false, CompatPolicy.ACCEPT_ALL);
  }

  private static @Nullable ValidationResult streamed(String json, @Nullable String inReplyTo) {
    return streamed(STREAMING, json.getBytes(StandardCharsets.UTF_8), inReplyTo);
  }

  /** What {@code streaming} decides on {@code json}, told whether it is clean as QmpValidator does. */
  private static @Nullable ValidationResult streamed(StreamingMessageChecker streaming,
      byte[] json, @Nullable String inReplyTo) {
    return streaming.check(json, CleanStrings.in(json), Direction.UNKNOWN, inReplyTo);
  }

  private static List<String> violations(String json) {
    return VALIDATOR.validate(json).violations().stream()
        .map(v -> v.code() + " " + v.pointer()).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"execute\": \"frob\", \"arguments\": {\"a\": {\"b\": []}, \"mode\": \"fast\"}, \"id\": 7}",
      "{\"id\": {\"tag\": [1, 2]}, \"execute\": \"frob\", \"arguments\": {\"mode\": 1}}",
      // the discriminator after the members of the branch it selects
      "{\"execute\": \"add-device\", \"arguments\": {\"host\": \"h\", \"port\": 1, \"kind\": \"net\"}}",
      "{\"execute\": \"add-device\", \"arguments\": {\"host\": \"h\", \"kind\": \"bogus\"}}",
      // arguments before execute, data before event: read as trees, still decided here
      "{\"arguments\": {\"a\": {\"b\": []}}, \"execute\": \"frob\"}",
      "{\"data\": {\"mode\": \"slow\"}, \"event\": \"FROBBED\","
          + " \"timestamp\": {\"seconds\": 1, \"microseconds\": 2}}",
      "{\"timestamp\": {\"seconds\": 1, \"microseconds\": 2}, \"event\": \"FROBBED\","
          + " \"data\": {\"mode\": \"slow\"}}",
      "{\"QMP\": {\"version\": {}, \"capabilities\": []}}",
      "{\"error\": {\"class\": \"GenericError\", \"desc\": \"no\"}}",
      "{\"execute\": \"frob\", \"arguments\": {\"blob\": {\"x\": {\"y\": [1, {\"z\": null}]}}}}"
  })
  void commonShapesAreDecidedWithoutTheTreeWalk(String json) {
    assertThat(streamed(json, null)).isNotNull();
  }

  /** Envelope members are read as trees of the same node types as the tree walk's parser makes. */
  @ParameterizedTest
  @ValueSource(strings = {"1", "-7", "2147483648", "9223372036854775808", "-9223372036854775809",
      "1.5", "1e400", "-0", "0.0", "true", "false", "null", "\"s\"", "[]", "{}",
      "{\"a\": [1, 2.5, \"x\", null, {\"b\": 9223372036854775807}]}", "[[[]], {}]"})
  void idsOfEveryKindComeBackAsTheTreeWalkReadsThem(String id) {
    for (String json : List.of("{\"execute\": \"ping\", \"id\": " + id + "}",
        "{\"id\": " + id + ", \"execute\": \"frob\", \"arguments\": {\"mode\": \"slow\"}}",
        "{\"return\": {}, \"id\": " + id + "}",
        "{\"event\": \"PINGED\", \"timestamp\": {\"seconds\": " + id + ", \"microseconds\": 0}}")) {
      assertThat(streamed(json, "ping")).as(json).isNotNull();
      differential().check(json, "ping", json);
    }
  }

  @Test
  void aDuplicateKeyInAnEnvelopeMembersTreeIsLeftToTheTreeWalk() {
    for (String json : List.of("{\"execute\": \"ping\", \"id\": {\"a\": 1, \"a\": 2}}",
        "{\"event\": \"PINGED\", \"timestamp\": {\"seconds\": 1, \"seconds\": 2}}")) {
      assertThat(streamed(json, null)).as(json).isNull();
      assertThat(VALIDATOR.validate(json).violations()).singleElement()
          .extracting(Violation::code).isEqualTo(ViolationCode.JSON_PARSE_ERROR);
      differential().check(json, null, json);
    }
  }

  @Test
  void whatIsNoObjectIsLeftToTheTreeWalk() {
    assertThat(streamed("[1]", null)).isNull();
    assertThat(VALIDATOR.validate("[1]").violations()).singleElement()
        .extracting(Violation::code).isEqualTo(ViolationCode.NOT_AN_OBJECT);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"execute\": \"ping\", \"execute\": \"ping\"}",
      "{\"execute\": \"frob\", \"arguments\": {\"mode\": \"fast\", \"mode\": \"slow\"}}",
      "{\"execute\": \"frob\", \"arguments\": {\"zz\": 1, \"zz\": 2}}",
      "{\"execute\": \"frob\", \"arguments\": {\"blob\": {\"x\": 1, \"x\": 2}}}",
      "{\"execute\": \"frob\", \"arguments\": {\"ratio\": {\"x\": 1, \"x\": 2}}}",
      "{\"execute\": \"add-device\", \"arguments\": {\"host\": {\"q\": 1, \"q\": 1}, \"kind\": \"net\"}}",
      "{\"execute\": \"ping\"} {}",
      "{\"execute\": \"ping\"",
      ""
  })
  void duplicateKeysAndMalformedInputAreLeftToTheTreeWalk(String json) {
    assertThat(streamed(json, null)).isNull();
    assertThat(VALIDATOR.validate(json).violations()).singleElement()
        .extracting(Violation::code).isEqualTo(ViolationCode.JSON_PARSE_ERROR);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ff", "c3", "eda080", "edbfbf", "e282", "f0", "80", "f5808080"})
  void brokenUtf8InStringsNoCheckReadsIsStillAParseError(String hex) {
    byte[] broken = java.util.HexFormat.of().parseHex(hex);
    StreamingDifferential differential = differential();
    for (String template : List.of(
        "{\"execute\": \"frob\", \"arguments\": {\"a\": {\"b\": [{\"c\": 1, \"d\": \"x#\"}]},"
            + " \"mode\": \"fast\"}}",
        "{\"execute\": \"frob\", \"arguments\": {\"a\": {\"b\": []}, \"mode\": \"fast\","
            + " \"blob\": [\"#\"]}}",
        "{\"execute\": \"frob\", \"arguments\": {\"a\": {\"b\": []}, \"mode\": \"fast\","
            + " \"z#z\": 1}}")) {
      String[] parts = template.split("#");
      byte[] head = parts[0].getBytes(StandardCharsets.UTF_8);
      byte[] tail = parts[1].getBytes(StandardCharsets.UTF_8);
      byte[] message = new byte[head.length + broken.length + tail.length];
      System.arraycopy(head, 0, message, 0, head.length);
      System.arraycopy(broken, 0, message, head.length, broken.length);
      System.arraycopy(tail, 0, message, head.length + broken.length, tail.length);

      differential.check(message, null, hex + " in " + template);
      assertThat(VALIDATOR.validate(message).violations()).as(template).singleElement()
          .extracting(Violation::code).isEqualTo(ViolationCode.JSON_PARSE_ERROR);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"c080", "e08080", "f08f8080", "f4908080", "efbfbf", "c3a9", "f09f9880"})
  void utf8TheParserLetsPassPassesBothWays(String hex) {
    byte[] odd = java.util.HexFormat.of().parseHex(hex);
    byte[] head = ("{\"execute\": \"frob\", \"arguments\": {\"a\": {\"b\": []}, \"mode\": \"fast\","
        + " \"blob\": \"").getBytes(StandardCharsets.UTF_8);
    byte[] message = java.util.Arrays.copyOf(head, head.length + odd.length + 3);
    System.arraycopy(odd, 0, message, head.length, odd.length);
    System.arraycopy("\"}}".getBytes(StandardCharsets.UTF_8), 0, message, head.length + odd.length,
        3);

    differential().check(message, null, hex);
  }

  /** {@code #} stands for the escape {@code \uD800}, a lone surrogate. */
  @ParameterizedTest
  @ValueSource(strings = {
      "{\"execute\": \"frob\", \"arguments\": {\"a\": {\"b\": [{\"c\": 1, \"d\": \"x#\"}]}, \"mode\": \"fast\"}}",
      "{\"execute\": \"frob\", \"arguments\": {\"a\": {\"b\": []}, \"mode\": \"f#\"}}",
      "{\"execute\": \"frob\", \"arguments\": {\"a\": {\"b\": []}, \"mode\": \"fast\", \"z#\": 1}}",
      "{\"execute\": \"frob\", \"arguments\": {\"a\": {\"b\": []}, \"mode\": \"fast\","
          + " \"blob\": {\"#\": [\"#\"]}}}",
      "{\"execute\": \"add-device\", \"arguments\": {\"host\": \"#\", \"port\": 1, \"kind\": \"net\"}}",
      "{\"execute\": \"add-device\", \"arguments\": {\"host\": \"h\", \"kind\": \"#\"}}",
      "{\"execute\": \"frob\", \"arguments\": {\"a\": {\"b\": []}, \"mode\": \"fast\","
          + " \"blob\": [[\"x\", \"#\"]]}}",
      "{\"execute\": \"frob\", \"arguments\": {\"a\": {\"b\": []}, \"mode\": \"fast\","
          + " \"blob\": {\"k\": [{\"#\": 1}]}}}",
      "{\"execute\": \"ping\", \"id\": \"#\"}",
      "{\"execute\": \"ping\", \"id\": {\"#\": 1}}",
      "{\"execute\": \"ping\", \"id\": [1, \"#\"]}",
      "{\"execute\": \"ping\", \"#\": 1}",
      "{\"execute\": \"p#\"}",
      "{\"event\": \"FROBBED\", \"data\": {\"mode\": \"#\"},"
          + " \"timestamp\": {\"seconds\": 1, \"microseconds\": 2}}"
  })
  void aLoneSurrogateAnywhereIsLeftToTheTreesParseError(String template) {
    StreamingDifferential differential = differential();
    for (String escape : List.of("\\uD800", "\\udbff", "\\uDC00", "\\uDfFf")) {
      String json = template.replace("#", escape);
      assertThat(streamed(json, null)).as(json).isNull();
      // (In a member name, Jackson's own parser refuses some first.)
      assertThat(VALIDATOR.validate(json).violations()).as(json).singleElement()
          .extracting(Violation::code).isEqualTo(ViolationCode.JSON_PARSE_ERROR);
      differential.check(json, null, json);
      differential.check(json.getBytes(StandardCharsets.UTF_8), Direction.CLIENT, null, json);
    }
    // As a raw char in a Java string, too (bytes cannot carry one), and a pair the wrong way round.
    for (String raw : List.of("\uD800", "\uDFFF", "x\uDE00\uD83D")) {
      String json = template.replace("#", raw);
      differential.check(json, null, json);
      assertThat(VALIDATOR.validate(json).violations()).as(json).singleElement()
          .extracting(Violation::code).isEqualTo(ViolationCode.JSON_PARSE_ERROR);
    }
  }

  /** {@code #} stands for what is no surrogate, though it may look like one. */
  @ParameterizedTest
  @ValueSource(strings = {"\\\\uD800", "\\\\\\\\uDC00", "\\uD7FF", "\\uE000", "\uD83D\uDE00",
      "\\uD83D\\uDE00", "\u00e9\u20ac"})
  void whatOnlyLooksLikeASurrogateIsValid(String lookalike) {
    StreamingDifferential differential = differential();
    for (String template : List.of(
        "{\"execute\": \"frob\", \"arguments\": {\"a\": {\"b\": []}, \"mode\": \"fast\","
            + " \"blob\": {\"#\": [\"#\"]}}, \"id\": \"#\"}",
        "{\"execute\": \"frob\", \"arguments\": {\"a\": {\"b\": [{\"c\": 1, \"d\": \"#\"}]},"
            + " \"mode\": \"fast\"}}")) {
      String json = template.replace("#", lookalike);
      differential.check(json, null, json);
      assertThat(VALIDATOR.validate(json).violations()).as(json).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1022, 1023})
  void nestingAtQemusLimitHasOneVerdictEveryWay(int arrays) {
    // The message, its arguments, then the arrays: 1024 levels are QEMU's limit.
    String json = "{\"execute\": \"frob\", \"arguments\": {\"a\": {\"b\": []}, \"mode\": \"fast\","
        + " \"blob\": " + "[".repeat(arrays) + "]".repeat(arrays) + "}}";
    differential().check(json, null, arrays + " arrays");
    List<Violation> violations = VALIDATOR.validate(json).violations();
    if (arrays == 1022) {
      assertThat(violations).isEmpty();
    } else {
      assertThat(violations).singleElement().extracting(Violation::code)
          .isEqualTo(ViolationCode.JSON_PARSE_ERROR);
    }
  }

  @Test
  void aSurrogatePairIsDecidedWithTheSameVerdict() {
    String json = "{\"execute\": \"frob\", \"arguments\": {\"a\": {\"b\": []},"
        + " \"mode\": \"fast\", \"blob\": \"\\uD83D\\uDE00\"}}";
    differential().check(json, null, json);
    assertThat(VALIDATOR.validate(json).violations()).isEmpty();
  }

  @Test
  void utf8OnlyInputIsLeftToTheTreeWalk() {
    byte[] bom = "\uFEFF{\"execute\": \"ping\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(streamed(STREAMING, bom, null)).isNull();
    assertThat(VALIDATOR.validate(bom).violations()).singleElement()
        .extracting(Violation::message).asString().contains("byte order mark");
  }

  @Test
  void duplicateKeyErrorsKeepTheParsersWordsAndPosition() {
    assertThat(VALIDATOR.validate("{\"execute\": \"frob\", \"arguments\": {\"blob\": {\"x\": 1,"
        + " \"x\": [1, 2}}}").violations()).singleElement().extracting(Violation::message)
        .isEqualTo("JSON parse error, duplicate key \"x\" (line 1, column 55)");
  }

  @Test
  void violationsComeInSchemaOrderWhateverTheMemberOrder() {
    List<String> inOrder = violations("{\"execute\": \"frob\", \"arguments\": {\"a\": {\"b\": [{}]},"
        + " \"count\": -1, \"ref\": {\"kind\": \"net\", \"port\": 70000, \"zz\": 0}, \"yy\": 1}}");
    List<String> shuffled = violations("{\"arguments\": {\"yy\": 1, \"ref\": {\"zz\": 0,"
        + " \"port\": 70000, \"kind\": \"net\"}, \"count\": -1, \"a\": {\"b\": [{}]}},"
        + " \"execute\": \"frob\"}");
    List<String> streamedOnly = violations("{\"execute\": \"frob\", \"arguments\": {\"yy\": 1,"
        + " \"ref\": {\"zz\": 0, \"port\": 70000, \"kind\": \"net\"}, \"count\": -1,"
        + " \"a\": {\"b\": [{}]}}}");

    assertThat(inOrder).containsExactly(
        "MISSING_MEMBER /arguments/a/b/0/c",
        "MISSING_MEMBER /arguments/mode",
        "OUT_OF_RANGE /arguments/count",
        "MISSING_MEMBER /arguments/ref/host",
        "OUT_OF_RANGE /arguments/ref/port",
        "UNEXPECTED_MEMBER /arguments/ref/zz",
        "UNEXPECTED_MEMBER /arguments/yy");
    assertThat(shuffled).isEqualTo(inOrder);
    assertThat(streamedOnly).isEqualTo(inOrder);
  }

  @Test
  void aWholeRecordedSessionIsDecidedWithoutTheTreeWalk() throws IOException {
    String configured = System.getProperty("qapi4j.transcript");
    Path file = configured != null ? Path.of(configured)
        : SharedData.testdata("captures/qmp-qemu-7.2.log");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(file),
        "skipped: no QEMU transcript at " + file);
    QmpTranscriptFile t = QmpTranscriptFile.read(file);
    StreamingMessageChecker streaming = streaming(t.schema(), Protocol.QMP);

    for (QmpTranscriptFile.Line l : t.lines()) {
      assertThat(streamed(streaming, l.text().getBytes(StandardCharsets.UTF_8), l.inReplyTo()))
          .as("line %d: %s", l.number(), l.text()).isNotNull();
    }
  }
}
