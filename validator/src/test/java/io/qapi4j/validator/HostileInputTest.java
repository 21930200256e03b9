package io.qapi4j.validator;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.model.Schema;
import io.qapi4j.model.read.SchemaReader;
import io.qapi4j.testing.SharedData;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Malformed and hostile input comes back as a violation — a positioned "JSON parse error" where
 * QEMU's parser would refuse the text — never as an exception, whatever the input form (String,
 * UTF-8 bytes, InputStream, Jackson tree) and the engine.
 */
class HostileInputTest {

  private static final Schema SCHEMA =
      SchemaReader.compat().read(SharedData.testdata("validator/golden.json")).orElseThrow();
  private static final List<QmpValidator> ENGINES = List.of(QmpValidator.of(SCHEMA),
      QmpValidator.builder(SCHEMA).engine(Engine.JSON_SCHEMA).build());
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** A command whose first leaf's id is {@code id} (raw JSON) and whose ints are {@code ints}. */
  private static String plant(String id, String ints) {
    return "{\"execute\": \"plant\", \"arguments\": {\"tree\": {\"leaves\": [{\"id\": " + id
        + ", \"ints\": {" + ints + "}}]}}}";
  }

  /** Both engines' results on {@code text} given as a String, as UTF-8 bytes and as a stream. */
  private static List<ValidationResult> asText(String text) {
    List<ValidationResult> out = new ArrayList<>();
    for (QmpValidator v : ENGINES) {
      out.add(v.validate(text));
    }
    out.addAll(asBytes(text.getBytes(StandardCharsets.UTF_8)));
    return out;
  }

  /** Both engines' results on {@code bytes} given as bytes and as a stream. */
  private static List<ValidationResult> asBytes(byte[] bytes) {
    List<ValidationResult> out = new ArrayList<>();
    for (QmpValidator v : ENGINES) {
      out.add(v.validate(bytes));
      out.add(v.validate(new ByteArrayInputStream(bytes)));
    }
    return out;
  }

  /** Both engines' results on a tree. */
  private static List<ValidationResult> asTree(JsonNode node) {
    return ENGINES.stream().map(v -> v.validate(node)).toList();
  }

  /**
   * Each result is one parse error at the same position (Jackson's reader for text and its reader
   * for bytes word some errors differently); returns the first message.
   */
  private static String parseError(List<ValidationResult> results) {
    List<String> positions = new ArrayList<>();
    for (ValidationResult r : results) {
      assertThat(r.violations()).hasSize(1);
      Violation v = r.violations().get(0);
      assertThat(v.code()).isEqualTo(ViolationCode.JSON_PARSE_ERROR);
      assertThat(v.message()).startsWith("JSON parse error, ");
      int at = v.message().lastIndexOf(" (line ");
      positions.add(at < 0 ? "" : v.message().substring(at));
    }
    assertThat(positions).as("every form and engine puts it at the same place")
        .containsOnly(positions.get(0));
    return results.get(0).violations().get(0).message();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"execute\": \"ping\", \"arguments\": {\"x\": }} | line 1, column 40",
      "{\"execute\": \"ping\",\\n  \"arguments\": {\"x\" 1}} | line 2, column 21",
      "{\"execute\": \"ping\" | line 1, column 19",
      "{\"execute\": \"ping\"} {\"execute\": \"ping\"} | line 1, column 21",
      "{\"execute\": nul} | line 1, column 13",
      "{\"execute\": \"ping\",} | line 1, column 20",
      "{'execute': 'ping' | line 1, column 19",
  })
  void malformedJsonIsAParseErrorWithItsPosition(String text, String position) {
    String message = parseError(asText(text.replace("\\n", "\n")));

    assertThat(message).endsWith("(" + position + ")");
  }

  @Test
  void aHundredMegabyteStringIsRejectedLikeQemusTokenLimit() {
    int size = 100 << 20;
    String text = plant("\"" + "x".repeat(size) + "\"", "");
    ObjectNode tree = (ObjectNode) MessageParser.MAPPER.readTree(plant("\"a\"", ""));
    ((ObjectNode) tree.at("/arguments/tree/leaves/0")).put("id", "x".repeat(size));

    assertThat(parseError(asText(text))).contains("String value length").contains("exceeds the maximum");
    assertThat(parseError(List.of(ENGINES.get(0).validate(streamOf(size)),
        ENGINES.get(1).validate(streamOf(size)))))
        .contains("String value length").contains("exceeds the maximum");
    assertThat(parseError(asTree(tree)))
        .isEqualTo("JSON parse error, a string longer than 64 MiB (at /arguments/tree/leaves/0/id)");
  }

  /** A stream of {@link #plant} with an id of {@code size} bytes, never held in memory whole. */
  private static InputStream streamOf(long size) {
    byte[] head = "{\"execute\": \"plant\", \"arguments\": {\"tree\": {\"leaves\": [{\"id\": \""
        .getBytes(StandardCharsets.US_ASCII);
    InputStream body = new InputStream() {
      long left = size;

      @Override
      public int read() {
        return left-- > 0 ? 'x' : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left <= 0) {
          return -1;
        }
        int n = (int) Math.min(len, left);
        Arrays.fill(b, off, off + n, (byte) 'x');
        left -= n;
        return n;
      }
    };
    return new SequenceInputStream(new ByteArrayInputStream(head), new SequenceInputStream(body,
        new ByteArrayInputStream("\"}]}}}".getBytes(StandardCharsets.US_ASCII))));
  }

  @Test
  void nestingOfAHundredThousandIsAParseError() {
    String deep = "{\"execute\": \"plant\", \"arguments\": {\"blob\": " + "[".repeat(100_000)
        + "]".repeat(100_000) + "}}";
    ArrayNode innermost = JSON.arrayNode();
    JsonNode tree = innermost;
    for (int i = 0; i < 100_000; i++) {
      tree = JSON.arrayNode().add(tree);
    }
    ObjectNode message = JSON.objectNode().put("execute", "plant");
    message.putObject("arguments").set("blob", tree);

    assertThat(parseError(asText(deep))).contains("Document nesting depth").contains("1024");
    assertThat(parseError(asTree(message)))
        .isEqualTo("JSON parse error, nesting deeper than 1024 levels");
  }

  @Test
  void theDeepestNestingQemuTakesIsValidatedWithoutRunningOutOfStack() {
    // 1023 levels of Tree.child below the message: every engine recurses through all of them.
    String deep = "{\"execute\": \"plant\", \"arguments\": {\"tree\": "
        + "{\"leaves\": [], \"child\": ".repeat(500) + "{\"leaves\": [{\"id\": 1}]}"
        + "}".repeat(500) + "}}";

    for (ValidationResult r : asText(deep)) {
      assertThat(r.errors()).singleElement().satisfies(v -> {
        assertThat(v.code()).isEqualTo(ViolationCode.INVALID_TYPE);
        assertThat(v.pointer()).endsWith("/child/leaves/0/id");
      });
    }
  }

  @Test
  void duplicateKeysAreRejectedAsQemusParserDoes() {
    assertThat(parseError(asText("{\"execute\": \"ping\", \"arguments\": {\"a\": 1, \"a\": 2}}")))
        .isEqualTo("JSON parse error, duplicate key \"a\" (line 1, column 46)");
    assertThat(parseError(asText("{\"execute\": \"ping\", \"execute\": \"ping\"}")))
        .isEqualTo("JSON parse error, duplicate key \"execute\" (line 1, column 30)");
  }

  /**
   * Integers beyond 64 bits, per type: QEMU's parser reads an integer literal as int64, else
   * uint64, else a double, so they fail every integer type ("expected: integer", "expects
   * uint64" or the narrow type) and are fine numbers.
   */
  @ParameterizedTest
  @CsvSource({
      "i8, OUT_OF_RANGE, OUT_OF_RANGE, OUT_OF_RANGE, OUT_OF_RANGE, OUT_OF_RANGE, OUT_OF_RANGE",
      "i32, OUT_OF_RANGE, OUT_OF_RANGE, OUT_OF_RANGE, OUT_OF_RANGE, OUT_OF_RANGE, OUT_OF_RANGE",
      "i64, OUT_OF_RANGE, OUT_OF_RANGE, OUT_OF_RANGE, OUT_OF_RANGE, OUT_OF_RANGE, OUT_OF_RANGE",
      "u8, OUT_OF_RANGE, OUT_OF_RANGE, OUT_OF_RANGE, OUT_OF_RANGE, OUT_OF_RANGE, OUT_OF_RANGE",
      "u32, OUT_OF_RANGE, OUT_OF_RANGE, OUT_OF_RANGE, OUT_OF_RANGE, OUT_OF_RANGE, OUT_OF_RANGE",
      "u64, valid, valid, OUT_OF_RANGE, OUT_OF_RANGE, OUT_OF_RANGE, OUT_OF_RANGE",
      "sz, valid, valid, OUT_OF_RANGE, OUT_OF_RANGE, OUT_OF_RANGE, OUT_OF_RANGE",
      "n, valid, valid, valid, valid, valid, valid",
  })
  void integersBeyondSixtyFourBitsPerType(String member, String at2to63, String at2to64minus1,
      String at2to64, String belowMinusTwoTo63, String plus1e30, String minus1e30) {
    BigInteger two63 = BigInteger.ONE.shiftLeft(63);
    BigInteger two64 = BigInteger.ONE.shiftLeft(64);
    List<BigInteger> values = List.of(two63, two64.subtract(BigInteger.ONE), two64,
        two63.negate().subtract(BigInteger.ONE), BigInteger.TEN.pow(30),
        BigInteger.TEN.pow(30).negate());
    List<String> expected = List.of(at2to63, at2to64minus1, at2to64, belowMinusTwoTo63, plus1e30,
        minus1e30);
    for (int i = 0; i < values.size(); i++) {
      String text = plant("\"a\"", "\"" + member + "\": " + values.get(i));
      List<ValidationResult> results = new ArrayList<>(asText(text));
      results.addAll(asTree(JsonMapper.shared().readTree(text)));
      for (ValidationResult r : results) {
        assertThat(r.errors().stream().map(v -> v.code().name()).findFirst().orElse("valid"))
            .as("%s = %s", member, values.get(i)).isEqualTo(expected.get(i));
      }
    }
  }

  @Test
  void numbersBeyondADoublesRangeAreNumbersAsQemusStrtodMakesThem() {
    for (ValidationResult r : asText(plant("\"a\"", "\"n\": 1e400"))) {
      assertThat(r.violations()).isEmpty();
    }
    for (ValidationResult r : asText(plant("\"a\"", "\"i\": 1e400"))) {
      assertThat(r.errors()).singleElement()
          .extracting(Violation::code).isEqualTo(ViolationCode.INVALID_TYPE);
    }
  }

  @Test
  void invalidUtf8IsAParseError() {
    byte[] bytes = plant("\"\u00e9\"", "").getBytes(StandardCharsets.UTF_8);
    int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf('\u00c3');
    bytes[at] = (byte) 0xff;

    assertThat(parseError(asBytes(bytes))).contains("Invalid UTF-8");
  }

  @Test
  void qmpIsUtf8OnlyNoByteOrderMarkNoUtf16() {
    byte[] message = "{\"execute\": \"ping\"}".getBytes(StandardCharsets.UTF_8);

    assertThat(parseError(asBytes(concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},
        message)))).contains("byte order mark").endsWith("(line 1, column 1)");
    assertThat(parseError(asBytes("{\"execute\": \"ping\"}".getBytes(StandardCharsets.UTF_16LE))))
        .contains("code 0").endsWith("(line 1, column 2)");
    assertThat(parseError(asBytes("{\"execute\": \"ping\"}".getBytes(StandardCharsets.UTF_16))))
        .contains("Invalid UTF-8 start byte 0xfe");
    for (ValidationResult r : asBytes(message)) {
      assertThat(r.violations()).isEmpty();
    }
  }

  @Test
  void emptyInputIsAParseError() {
    assertThat(parseError(asText(""))).isEqualTo("JSON parse error, no JSON value");
    assertThat(parseError(asText(" \n\t "))).isEqualTo("JSON parse error, no JSON value");
    assertThat(parseError(asTree(tools.jackson.databind.node.MissingNode.getInstance())))
        .isEqualTo("JSON parse error, no JSON value");
  }

  @Test
  void rawNulBytesAreAParseErrorAndAnEscapedNulIsAStringAsInQemu() {
    assertThat(parseError(asText(plant("\"a\u0000b\"", "")))).contains("CTRL-CHAR, code 0")
        .endsWith("(line 1, column 65)");
    // Leading, Jackson's readers of text and of bytes count the column differently.
    assertThat(asText("\u0000" + plant("\"a\"", ""))).allSatisfy(r -> assertThat(r.violations())
        .singleElement().satisfies(v -> assertThat(v.message()).startsWith("JSON parse error, ")
            .contains("code 0")));

    String escaped = plant("\"a\\u0000b\"", "");
    List<ValidationResult> results = new ArrayList<>(asText(escaped));
    results.addAll(asTree(JsonMapper.shared().readTree(escaped)));
    assertThat(results).allSatisfy(r -> assertThat(r.violations()).isEmpty());
  }

  @Test
  void aLoneSurrogateIsNoUnicodeCharacterAsQemusParserSays() {
    String lone = plant("\"a\\uD800\"", "");
    String expected = "JSON parse error, \\uD800 is not a valid Unicode character"
        + " (at /arguments/tree/leaves/0/id)";

    assertThat(parseError(asText(lone))).isEqualTo(expected);
    assertThat(parseError(asTree(JsonMapper.shared().readTree(lone)))).isEqualTo(expected);
    // Jackson itself refuses a lone low surrogate in a member name.
    assertThat(parseError(asText("{\"execute\": \"ping\", \"arguments\": {\"\\uDC00\": 1}}")))
        .contains("surrogate").endsWith("(line 1, column 42)");
    assertThat(parseError(asTree(JSON.objectNode().put("execute", "ping").set("arguments",
        JSON.objectNode().put("\uD800", 1)))))
        .isEqualTo("JSON parse error, \\uD800 is not a valid Unicode character (in a member name"
            + " at /arguments)");
    for (ValidationResult r : asText(plant("\"\\uD83D\\uDE00\"", ""))) {
      assertThat(r.violations()).as("a surrogate pair is one character").isEmpty();
    }
  }

  @Test
  void treesHoldingNoJsonAreAParseError() {
    ObjectNode message = JSON.objectNode().put("execute", "plant");
    message.putObject("arguments").putPOJO("blob", new Object());

    assertThat(parseError(asTree(message)))
        .isEqualTo("JSON parse error, a Java object is no JSON value (at /arguments/blob)");
  }

  @Test
  void singleQuotedInputIsAcceptedAsQemuAccepts() {
    for (ValidationResult r : asText("{ 'execute': 'ping', 'arguments': {} }")) {
      assertThat(r.violations()).isEmpty();
    }
  }

  /**
   * Seeded random damage to valid messages (bytes flipped, dropped, duplicated, cut; random
   * bytes spliced in): every form and engine answers with a result, and the engines agree on it.
   */
  @Test
  void randomlyDamagedMessagesNeverThrowAndBothEnginesAgree() {
    Random random = new Random(20260214);
    List<byte[]> seeds = List.of(
        plant("\"a\"", "\"i8\": 1, \"u64\": -1, \"n\": 2.5").getBytes(StandardCharsets.UTF_8),
        ("{\"execute\": \"plant\", \"arguments\": {\"tree\": {\"leaves\": []}, \"addr\": "
            + "{\"transport\": \"inet\", \"family\": \"ipv6\", \"host\": \"h\", \"port\": 1},"
            + " \"targets\": [[\"x\"], 1, null], \"media\": {\"type\": \"tape\", \"data\": \"t\"}}}")
            .getBytes(StandardCharsets.UTF_8),
        "{\"event\": \"PINGED\", \"timestamp\": {\"seconds\": 1, \"microseconds\": 2}}"
            .getBytes(StandardCharsets.UTF_8));
    int agreed = 0;
    for (int i = 0; i < 3000; i++) {
      byte[] damaged = damage(seeds.get(random.nextInt(seeds.size())), random);
      List<ValidationResult> results = asBytes(damaged);
      assertThat(results.get(0).valid()).as(new String(damaged, StandardCharsets.UTF_8))
          .isEqualTo(results.get(2).valid());
      agreed++;
    }
    assertThat(agreed).isEqualTo(3000);
  }

  private static byte[] damage(byte[] seed, Random random) {
    byte[] b = seed.clone();
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits && b.length > 0; e++) {
      int at = random.nextInt(b.length);
      b = switch (random.nextInt(5)) {
        case 0 -> {
          b[at] = (byte) random.nextInt(256);
          yield b;
        }
        case 1 -> concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, at + 1, b.length));
        case 2 -> concat(Arrays.copyOf(b, at + 1), Arrays.copyOfRange(b, at, b.length));
        case 3 -> Arrays.copyOf(b, at);
        default -> concat(concat(Arrays.copyOf(b, at),
            "{}[]\",:0-1e.tnf\\u'x".substring(random.nextInt(19)).getBytes(StandardCharsets.UTF_8)),
            Arrays.copyOfRange(b, at, b.length));
      };
    }
    return b;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
