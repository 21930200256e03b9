package io.qapi4j.validator;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.model.Schema;
import io.qapi4j.model.read.SchemaReader;
import io.qapi4j.testing.SharedData;
import io.qapi4j.validator.checks.CompiledSchema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * The envelope rules applied straight to the members the stream collected ({@link
 * StreamedEnvelope#verdict}) give exactly what the rules give for the envelope as a tree, or
 * leave the message to them; and the streaming path as a whole agrees with the tree walk on
 * envelopes of every shape, member order, duplicate and direction.
 */
class StreamedEnvelopeTest {

  private static final Schema FROB =
      SchemaReader.strict().read(SharedData.testdata("validator/frob.json")).orElseThrow();
  private static final CompiledSchema COMPILED = CompiledSchema.compile(FROB);
  private static final List<@Nullable String> REPLIES_TO =
      java.util.Arrays.asList(null, "ping", "frob", "raw-cmd", "nope");

  /** Candidate values of each of {@link StreamedEnvelope#KEYS}, as JSON text. */
  private static final List<List<String>> VALUES = List.of(
      List.of("\"ping\"", "\"frob\"", "\"fast-cmd\"", "\"raw-cmd\"", "\"nope\"", "1", "null"),
      List.of("\"fast-cmd\"", "\"ping\"", "\"nope\"", "{}"),
      List.of("{}", "{\"mode\": \"slow\"}", "{\"mode\": 1, \"zz\": 2}", "[]", "\"x\"",
          "{\"x\": 1}"),
      List.of("1", "\"x\"", "{\"a\": [1, 2.5]}", "null", "-9223372036854775809"),
      List.of("{}", "[]", "1", "\"x\"", "{\"bogus\": 1}", "{\"a\": 1}"),
      List.of("{\"class\": \"GenericError\", \"desc\": \"d\"}", "{\"class\": \"Nope\", \"desc\": 1}",
          "\"x\"", "{}", "{\"class\": \"GenericError\", \"desc\": \"d\", \"more\": 1}"),
      List.of("\"FROBBED\"", "\"PINGED\"", "\"NOPE\"", "1"),
      List.of("{\"mode\": \"slow\"}", "{}", "[]", "1", "{\"mode\": \"bogus\"}"),
      List.of("{\"seconds\": 1, \"microseconds\": 2}", "{\"seconds\": 1.5}", "\"x\"", "{}",
          "{\"seconds\": 1, \"microseconds\": 2, \"nanoseconds\": 3}"));

  /** Members no message of the fast shapes has, with their values. */
  private static final List<String> OTHER_MEMBERS = List.of(
      "\"QMP\": {\"version\": {}, \"capabilities\": []}", "\"bogus\": 1",
      "\"exec\\u0075te\": \"ping\"", "\"Execute\": \"ping\"", "\"\": 0");

  private static NativeMessageChecker checker(Protocol protocol) {
    return new NativeMessageChecker(COMPILED, protocol, false, CompatPolicy.ACCEPT_ALL);
  }

  private static JsonNode json(String text) {
    return MessageParser.FAST.readTree(text);
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void everySetOfMembersGetsTheTreesVerdictOrIsLeftToIt(Protocol protocol) {
    NativeMessageChecker checker = checker(protocol);
    Random random = new Random(4);
    int decided = 0;
    for (int members = 0; members < 1 << StreamedEnvelope.KEYS.size(); members++) {
      for (int round = 0; round < 8; round++) {
        StreamedEnvelope envelope = new StreamedEnvelope();
        for (int key = 0; key < StreamedEnvelope.KEYS.size(); key++) {
          if ((members & 1 << key) != 0) {
            List<String> values = VALUES.get(key);
            assertThat(envelope.add(key, json(values.get(random.nextInt(values.size())))))
                .isTrue();
          }
        }
        for (Direction direction : Direction.values()) {
          for (String inReplyTo : REPLIES_TO) {
            ValidationResult verdict = envelope.verdict(checker, COMPILED, protocol, direction,
                inReplyTo, null);
            if (verdict != null) {
              decided++;
              assertThat(verdict).as("%s %s, in reply to %s", envelope.toTree(), direction,
                  inReplyTo).isEqualTo(checker.check(envelope.toTree(), direction, inReplyTo));
            }
          }
        }
      }
    }
    // 16 of the 512 sets are shapes of well-formed traffic, fewer in QGA (no events, no OOB)
    assertThat(decided).isGreaterThan(500);
  }

  @Test
  void theShapesOfWellFormedTrafficAreDecidedFromTheirMembers() {
    NativeMessageChecker qmp = checker(Protocol.QMP);
    for (String message : List.of("{\"execute\": \"ping\"}",
        "{\"execute\": \"frob\", \"arguments\": {\"mode\": \"slow\"}, \"id\": 1}",
        "{\"exec-oob\": \"fast-cmd\", \"id\": \"a\"}", "{\"return\": {}, \"id\": 1}",
        "{\"error\": {\"class\": \"GenericError\", \"desc\": \"d\"}}",
        "{\"event\": \"PINGED\", \"timestamp\": {\"seconds\": 1, \"microseconds\": 2}}",
        "{\"event\": \"FROBBED\", \"data\": {\"mode\": \"slow\"},"
            + " \"timestamp\": {\"seconds\": 1, \"microseconds\": 2}}")) {
      StreamedEnvelope envelope = envelopeOf(message);
      assertThat(envelope.verdict(qmp, COMPILED, Protocol.QMP, Direction.SERVER, "ping", null))
          .as(message).isNotNull();
    }
  }

  @Test
  void whatTheTreesRulesReadDifferentlyIsLeftToThem() {
    // A client's reply is read as a broken command; QGA has no exec-oob and no events.
    assertThat(envelopeOf("{\"return\": {}}").verdict(checker(Protocol.QMP), COMPILED,
        Protocol.QMP, Direction.CLIENT, "ping", null)).isNull();
    assertThat(envelopeOf("{\"exec-oob\": \"ping\"}").verdict(checker(Protocol.QGA), COMPILED,
        Protocol.QGA, Direction.UNKNOWN, null, null)).isNull();
    assertThat(envelopeOf("{\"event\": \"PINGED\"}").verdict(checker(Protocol.QGA), COMPILED,
        Protocol.QGA, Direction.SERVER, null, null)).isNull();
    // Both execute and exec-oob, or neither; a name that is no string; arguments no object.
    for (String message : List.of("{\"execute\": \"ping\", \"exec-oob\": \"ping\"}",
        "{\"id\": 1}", "{}", "{\"execute\": 1}", "{\"execute\": \"frob\", \"arguments\": []}",
        "{\"return\": {}, \"event\": \"PINGED\"}")) {
      assertThat(envelopeOf(message).verdict(checker(Protocol.QMP), COMPILED, Protocol.QMP,
          Direction.UNKNOWN, "ping", null)).as(message).isNull();
    }
  }

  @Test
  void aMemberTwiceIsRefused() {
    StreamedEnvelope envelope = new StreamedEnvelope();
    assertThat(envelope.add(StreamedEnvelope.ID, json("1"))).isTrue();
    assertThat(envelope.add(StreamedEnvelope.ID, json("2"))).isFalse();
  }

  /** Random envelopes, members in any order, twice, unknown or escaped: streaming = tree walk. */
  @ParameterizedTest
  @EnumSource(Protocol.class)
  void randomEnvelopesHaveTheTreeWalksVerdictEveryWay(Protocol protocol) {
    StreamingDifferential differential =
        new StreamingDifferential(FROB, protocol, false, CompatPolicy.ACCEPT_ALL);
    Random random = new Random(protocol.ordinal() + 40);
    for (int i = 0; i < 4000; i++) {
      List<String> members = new ArrayList<>();
      for (int n = random.nextInt(5); n > 0; n--) {
        if (random.nextInt(8) == 0) {
          members.add(OTHER_MEMBERS.get(random.nextInt(OTHER_MEMBERS.size())));
        } else {
          int key = random.nextInt(StreamedEnvelope.KEYS.size());
          List<String> values = VALUES.get(key);
          members.add("\"" + StreamedEnvelope.KEYS.get(key) + "\": "
              + values.get(random.nextInt(values.size())));
        }
      }
      String message = "{" + String.join(", ", members) + "}";
      String inReplyTo = REPLIES_TO.get(random.nextInt(REPLIES_TO.size()));
      Direction direction = Direction.values()[random.nextInt(Direction.values().length)];
      differential.check(message.getBytes(StandardCharsets.UTF_8), direction, inReplyTo,
          message + " " + direction + " in reply to " + inReplyTo);
      differential.check(message, inReplyTo, message + " in reply to " + inReplyTo);
    }
    assertThat(differential.inputs()).isEqualTo(8000);
  }

  /** The envelope members of {@code message}, whose values are read as trees. */
  private static StreamedEnvelope envelopeOf(String message) {
    StreamedEnvelope envelope = new StreamedEnvelope();
    json(message).properties().forEach(m ->
        assertThat(envelope.add(StreamedEnvelope.KEYS.indexOf(m.getKey()), m.getValue())).isTrue());
    return envelope;
  }
}
