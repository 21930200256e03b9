package io.qapi4j.model.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** QEMU's naming rules: each loop equals the regex of {@code expr.py} it stands for. */
class NameRulesTest {

  private static final Pattern VALID_NAME =
      Pattern.compile("(__[a-z0-9.-]+_)?(x-)?([a-z][a-z0-9_-]*)", Pattern.CASE_INSENSITIVE);
  private static final Pattern CAMEL = Pattern.compile("[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*");
  private static final Pattern LOWER_OR_DASH = Pattern.compile("[a-z-]");
  private static final Pattern UPPER = Pattern.compile("[A-Z]");
  private static final Pattern SYMBOL = Pattern.compile("[A-Z][A-Z0-9_]*");

  /** Prefixes that reach every branch of the vendor and {@code x-} parts. */
  private static final List<String> PREFIXES = List.of("", "", "__", "__a", "__com.redhat_",
      "__Q-1_", "___", "__._", "x-", "X-", "x-x-", "__rh_x-", "_", "q_", "Q");
  /** ASCII letters of both cases, the separators names use, and look-alikes outside ASCII. */
  private static final String ALPHABET =
      "aqxzAQXZ09_-. :\u00e9\u0130\u0131\u017f\u212a\uD83D\uDE00";

  @Test
  void examples() {
    assertThat(NameRules.stem("x-query-foo")).isEqualTo("query-foo");
    assertThat(NameRules.stem("__com.redhat_x-drive-mirror")).isEqualTo("drive-mirror");
    assertThat(NameRules.stem("x-")).isEqualTo("x-");
    assertThat(NameRules.stem("x-1")).isEqualTo("x-1");
    assertThat(NameRules.stem("__com.redhat-")).isNull();
    assertThat(NameRules.stem("l1_grow.alloc_table")).isNull();
    assertThat(NameRules.isCamel("BlockdevOptions")).isTrue();
    assertThat(NameRules.isCamel("QKEY")).isFalse();
    assertThat(NameRules.isConditionSymbol("CONFIG_SPICE")).isTrue();
    assertThat(NameRules.isConditionSymbol("defined(CONFIG_SPICE)")).isFalse();
  }

  @Test
  void eachLoopEqualsItsRegex() {
    Random random = new Random(2);
    int[] matched = new int[5];
    for (int n = 0; n < 20_000; n++) {
      StringBuilder b = new StringBuilder(PREFIXES.get(random.nextInt(PREFIXES.size())));
      for (int i = random.nextInt(6); i > 0; i--) {
        b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      String s = b.toString();
      Matcher m = VALID_NAME.matcher(s);
      assertThat(NameRules.stem(s)).as(s).isEqualTo(m.matches() ? m.group(3) : null);
      assertThat(NameRules.isCamel(s)).as(s).isEqualTo(CAMEL.matcher(s).matches());
      assertThat(NameRules.hasLowerOrDash(s)).as(s).isEqualTo(LOWER_OR_DASH.matcher(s).find());
      assertThat(NameRules.hasUpper(s)).as(s).isEqualTo(UPPER.matcher(s).find());
      assertThat(NameRules.isConditionSymbol(s)).as(s).isEqualTo(SYMBOL.matcher(s).matches());
      boolean[] outcomes = {m.matches(), m.matches() && m.start(1) >= 0,
          m.matches() && m.start(2) >= 0, CAMEL.matcher(s).matches(), SYMBOL.matcher(s).matches()};
      for (int i = 0; i < outcomes.length; i++) {
        matched[i] += outcomes[i] ? 1 : 0;
      }
    }
    // The generator reaches every case: valid names with and without vendor and "x-" prefixes,
    // CamelCase names and symbols.
    assertThat(Arrays.stream(matched).min().orElse(0)).as(Arrays.toString(matched)).isGreaterThan(100);
  }
}
