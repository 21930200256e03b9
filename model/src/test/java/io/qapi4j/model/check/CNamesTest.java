package io.qapi4j.model.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code c_name()}: what QEMU's generator makes of names, and that the loop equals a regex. */
class CNamesTest {

  @Test
  void nonIdentifierCharactersBecomeUnderscoresAndTicklishNamesAreProtected() {
    assertThat(CNames.cName("block-dirty-bitmap.add")).isEqualTo("block_dirty_bitmap_add");
    assertThat(CNames.cName("if")).isEqualTo("q_if");
    assertThat(CNames.cName("if", false)).isEqualTo("if");
    assertThat(CNames.cName("1st")).isEqualTo("q_1st");
    assertThat(CNames.cName("caf\u00e9\uD83D\uDE00x")).isEqualTo("caf__x");
    assertThat(CNames.cName("")).isEmpty();
  }

  @Test
  void theLoopReplacesWhatTheRegexReplaces() {
    Pattern nonC = Pattern.compile("[^A-Za-z0-9_]");
    Random random = new Random(4);
    String alphabet = "aZ09_-.: \u00e9\u0130\uD83D\uDE00\uD800\uDC00\uDFFF";
    for (int n = 0; n < 5_000; n++) {
      StringBuilder b = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String name = b.toString();
      assertThat(CNames.cName(name, false)).as(name).isEqualTo(nonC.matcher(name).replaceAll("_"));
    }
  }

  @Test
  void prefixTestsAgreeWithTheName() {
    Random random = new Random(5);
    String alphabet = "qhas_-.0\u00e9\uD83D\uDE00";
    int hits = 0;
    for (int n = 0; n < 5_000; n++) {
      StringBuilder b = new StringBuilder(random.nextBoolean() ? "q" : "has");
      for (int i = random.nextInt(4); i > 0; i--) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String name = b.toString();
      for (String prefix : new String[] {"q_", "has_"}) {
        boolean expected = CNames.cName(name, false).startsWith(prefix);
        assertThat(CNames.cNameStartsWith(name, prefix)).as(name + " " + prefix).isEqualTo(expected);
        hits += expected ? 1 : 0;
      }
    }
    assertThat(hits).isGreaterThan(1_000);
  }
}
