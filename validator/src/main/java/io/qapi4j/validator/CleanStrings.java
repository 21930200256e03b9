package io.qapi4j.validator;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A quick look at a message's text, before it is parsed, for what could make one of its strings
 * or member names something QEMU's parser refuses although Jackson's takes it: a lone surrogate
 * ({@code "\uD800"}) and malformed UTF-8 that Jackson decodes loosely or, in a string it skips,
 * not at all. When the text is <em>clean</em> — well-formed UTF-8 (or a Java string without a lone
 * surrogate) with no surrogate escaped ({@code \uD800}–{@code \uDFFF}), and no longer than QEMU's token
 * limit — whatever Jackson parses from it is clean too, so that the tree need not be walked for
 * surrogates again ({@link JsonTreeCheck}) and strings no check reads need not be decoded. Text
 * that is not clean is not necessarily wrong: it takes the slow, thorough path.
 *
 * <p>Most traffic is ASCII: 32 bytes are looked at at once, eight to a word, for a byte above 0x7F
 * or a backslash, and only those are looked at closer; the first byte above 0x7F has the whole text
 * checked by the JDK's strict UTF-8 decoder.
 */
final class CleanStrings {
  private CleanStrings() {}

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long ONES = 0x0101010101010101L;
  private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;

  /** Whether the UTF-8 text {@code json} is clean (see the class comment). */
  static boolean in(byte[] json) {
    int n = json.length;
    if (n > QemuJson.MAX_TOKEN) {
      return false;   // a string Jackson skips is not measured against the limit
    }
    int i = 0;
    boolean utf8Checked = false;
    while (i < n) {
      if (i + 32 <= n && (suspects(json, i) | suspects(json, i + 8) | suspects(json, i + 16)
          | suspects(json, i + 24)) == 0) {
        i += 32;
        continue;
      }
      if (i + 8 <= n && suspects(json, i) == 0) {
        i += 8;
        continue;
      }
      int b = json[i];
      if (b == '\\') {
        if (surrogateEscape(i + 1 < n ? json[i + 1] : 0, i + 2 < n ? json[i + 2] : 0,
            i + 3 < n ? json[i + 3] : 0)) {
          return false;
        }
        // The second backslash of \\ starts no escape.
        i += i + 1 < n && json[i + 1] == '\\' ? 2 : 1;
      } else if (b >= 0 || utf8Checked) {
        i++;
      } else if (wellFormedUtf8(json)) {
        utf8Checked = true;   // (rare) then the rest is looked at for escapes only
        i++;
      } else {
        return false;
      }
    }
    return true;
  }

  /**
   * Nonzero if one of the eight bytes at {@code i} is above 0x7F or a backslash: a high bit of
   * the word, or of the word xor backslashes minus ones, where a backslash became a zero byte (a
   * byte above 0x80 there, or a borrow, goes with a byte above 0x7F or a backslash too).
   */
  private static long suspects(byte[] json, int i) {
    long w = (long) LONGS.get(json, i);
    return (w | ((w ^ BACKSLASHES) - ONES)) & HIGH_BITS;
  }

  /** Whether {@code json} is clean (see the class comment): no lone surrogate, none escaped. */
  static boolean in(String json) {
    int n = json.length();
    if (n > QemuJson.MAX_TOKEN || JsonTreeCheck.loneSurrogate(json) >= 0) {
      return false;
    }
    for (int i = json.indexOf('\\'); i >= 0; i = json.indexOf('\\', i + 1)) {
      if (surrogateEscape(i + 1 < n ? json.charAt(i + 1) : 0, i + 2 < n ? json.charAt(i + 2) : 0,
          i + 3 < n ? json.charAt(i + 3) : 0)) {
        return false;
      }
      if (i + 1 < n && json.charAt(i + 1) == '\\') {
        i++;   // the second backslash of \\ starts no escape
      }
    }
    return true;
  }

  /** Whether a backslash followed by {@code u}, {@code c2}, {@code c3} escapes a surrogate. */
  private static boolean surrogateEscape(int u, int c2, int c3) {
    return u == 'u' && (c2 | 0x20) == 'd'
        && (c3 == '8' || c3 == '9' || ((c3 | 0x20) >= 'a' && (c3 | 0x20) <= 'f'));
  }

  /**
   * Whether {@code bytes} are well-formed UTF-8: no surrogate, nothing overlong, nothing beyond
   * U+10FFFF (the JDK's decoder keeps to Unicode's table 3-7).
   */
  private static boolean wellFormedUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
