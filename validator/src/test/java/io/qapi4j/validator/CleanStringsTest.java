package io.qapi4j.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text is clean only if nothing in it can become a string QEMU's parser refuses: no escaped
 * surrogate, no surrogate char, and for bytes well-formed UTF-8 — wherever it sits relative to the
 * eight-byte words the scan reads at once.
 */
class CleanStringsTest {

  /** {@code \\uD800} etc. not preceded by a backslash of its own: an escaped surrogate. */
  private static final Pattern SURROGATE_ESCAPE =
      Pattern.compile("(?<!\\\\)(\\\\\\\\)*\\\\u[dD][89a-fA-F]");

  private static boolean clean(String text) {
    boolean asText = CleanStrings.in(text);
    assertThat(CleanStrings.in(text.getBytes(StandardCharsets.UTF_8))).as("bytes of %s", text)
        .isEqualTo(asText);
    return asText;
  }

  /** {@code inner} at every offset up to 17 into a JSON string, and with a tail of every length. */
  private static void everywhere(String inner, boolean expected) {
    for (int pad = 0; pad < 17; pad++) {
      for (int tail = 0; tail < 9; tail++) {
        String text = "{\"s\": \"" + "x".repeat(pad) + inner + "y".repeat(tail) + "\"}";
        assertThat(clean(text)).as(text).isEqualTo(expected);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"\\uD800", "\\uDBFF", "\\udc00", "\\uDfFf", "\\uda00", "\\uDA99",
      "a\\\\\\uD800", "\\n\\uD800"})
  void anEscapedSurrogateIsNotClean(String escape) {
    everywhere(escape, false);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\\u0041", "\\uD7FF", "\\uE000", "\\ud", "\\\\uD800", "\\\\\\\\uDC00",
      "\\n\\t\\\"\\/", "\u00e9\u20ac\ud83d\ude00", "\\u00e9"})
  void otherEscapesAndWellFormedTextAreClean(String text) {
    everywhere(text, true);
  }

  @Test
  void aLoneSurrogateCharInAJavaStringIsNotClean() {
    assertThat(CleanStrings.in("{\"s\": \"\uD800\"}")).isFalse();
    assertThat(CleanStrings.in("{\"\uDC00\": 1}")).isFalse();
    assertThat(CleanStrings.in("{\"s\": \"\uDE00\uD83D\"}")).isFalse();
    assertThat(CleanStrings.in("{\"s\": \"\uD83D\"}")).isFalse();
    assertThat(CleanStrings.in("\uD83D")).isFalse();
    assertThat(CleanStrings.in("{\"s\": \"\uD83D\uDE00\"}")).as("a pair").isTrue();
  }

  @Test
  void anEscapeCutShortAtTheEndIsNoSurrogate() {
    for (String end : new String[] {"\\", "\\u", "\\uD"}) {
      assertThat(clean(end)).as(end).isTrue();
      assertThat(clean("0123456789abcdef" + end)).as(end).isTrue();
    }
    // Three characters tell: what follows cannot make it no surrogate.
    assertThat(clean("\\ud8")).isFalse();
  }

  /** Lone continuation, bad lead bytes, overlong forms, encoded surrogates, beyond U+10FFFF. */
  @ParameterizedTest
  @ValueSource(strings = {"80", "bf", "c0af", "c180", "c3", "c328", "e08080", "e09fbf", "eda080",
      "edbfbf", "e282", "e228a1", "f08f8080", "f4908080", "f5808080", "f8", "fe", "ff", "f09f98"})
  void malformedUtf8IsNotClean(String hex) {
    byte[] odd = HexFormat.of().parseHex(hex);
    for (int pad = 0; pad < 17; pad++) {
      for (int tail = 0; tail < 9; tail++) {
        byte[] b = bytes("{\"s\": \"" + "x".repeat(pad), odd, "y".repeat(tail) + "\"}");
        assertThat(CleanStrings.in(b)).as("%s at %d", hex, pad).isFalse();
      }
      byte[] atTheEnd = bytes("x".repeat(pad), odd, "");
      assertThat(CleanStrings.in(atTheEnd)).as("%s at the end after %d", hex, pad).isFalse();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"c280", "dfbf", "e0a080", "ed9fbf", "ee8080", "efbfbf", "f0908080",
      "f48fbfbf", "f3bfbfbf"})
  void wellFormedUtf8AtTheEdgesIsClean(String hex) {
    byte[] b = bytes("{\"s\": \"", HexFormat.of().parseHex(hex), "\"}");
    assertThat(CleanStrings.in(b)).as(hex).isTrue();
  }

  @Test
  void textBeyondQemusTokenLimitIsNotClean() {
    byte[] big = new byte[QemuJson.MAX_TOKEN + 1];
    Arrays.fill(big, (byte) 'x');
    assertThat(CleanStrings.in(big)).isFalse();
    assertThat(CleanStrings.in(Arrays.copyOf(big, QemuJson.MAX_TOKEN))).isTrue();
  }

  /**
   * Seeded random bytes — ASCII, backslashes, escapes, bytes of every value — agree with Java's
   * strict UTF-8 decoder and a pattern for escaped surrogates.
   */
  @Test
  void randomBytesAgreeWithAStrictDecoder() {
    Random random = new Random(20261205L);
    String[] pieces = {"\\", "\\\\", "\\u", "\\uD8", "\\udf", "\\u00", "u", "D", "8", "a", "\"",
        "x", "xyz", "0123", "\u00e9", "\u20ac", "\ud83d\ude00", "abc", "{\"s\": ", "\\n", "12345678"};
    int clean = 0;
    for (int round = 0; round < 20_000; round++) {
      ByteBuffer b = ByteBuffer.allocate(48);
      while (b.remaining() > 8) {
        if (random.nextInt(40) == 0) {
          b.put((byte) random.nextInt(256));
        } else {
          b.put(pieces[random.nextInt(pieces.length)].getBytes(StandardCharsets.UTF_8));
        }
      }
      byte[] bytes = Arrays.copyOf(b.array(), b.position());
      String text = strictlyDecoded(bytes);
      boolean expected = text != null && !SURROGATE_ESCAPE.matcher(text).find();
      clean += expected ? 1 : 0;
      assertThat(CleanStrings.in(bytes)).as(HexFormat.of().formatHex(bytes)).isEqualTo(expected);
      if (text != null) {
        assertThat(CleanStrings.in(text)).as(text).isEqualTo(expected);
      }
    }
    assertThat(clean).as("both verdicts are met").isBetween(1_000, 19_000);
  }

  private static @Nullable String strictlyDecoded(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static byte[] bytes(String head, byte[] middle, String tail) {
    byte[] h = head.getBytes(StandardCharsets.UTF_8);
    byte[] t = tail.getBytes(StandardCharsets.UTF_8);
    byte[] out = Arrays.copyOf(h, h.length + middle.length + t.length);
    System.arraycopy(middle, 0, out, h.length, middle.length);
    System.arraycopy(t, 0, out, h.length + middle.length, t.length);
    return out;
  }
}
