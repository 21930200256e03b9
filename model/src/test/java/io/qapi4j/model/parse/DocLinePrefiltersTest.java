package io.qapi4j.model.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The character tests that spare most documentation lines a regex: each is true wherever its
 * regex (QEMU's, in {@code parser.py}) matches, so skipping the regex when it is false changes
 * no verdict.
 */
class DocLinePrefiltersTest {

  private static final Pattern SINGLE_SPACE =
      Pattern.compile("(\\be\\.g\\.|^ *\\d\\.|([.!?])) [A-Z0-9(]", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern TAGGED =
      Pattern.compile("(Returns|Errors|Since|Notes?|Examples?|TODO)(?!::): *");

  private static final List<String> PIECES = List.of("e.g.", " ", "  ", ".", "!", "?", "1.",
      "\u0661.", "A", "z", "(", "Returns:", "Errors", "Since: 9.0", "Note", "Examples::", "TODO",
      "\u00e9", "\t");

  @Test
  void examples() {
    assertThat(DocCommentParser.hasSentenceBreak("Ends here.  Then more.")).isFalse();
    assertThat(DocCommentParser.hasSentenceBreak("Ends here. Then more.")).isTrue();
    assertThat(DocCommentParser.mayBeTagged("Since: 2.1")).isTrue();
    assertThat(DocCommentParser.mayBeTagged("@name: text")).isFalse();
  }

  @Test
  void wheneverTheRegexMatchesTheTestIsTrue() {
    Random random = new Random(7);
    int sentenceBreaks = 0;
    int tags = 0;
    for (int n = 0; n < 20_000; n++) {
      StringBuilder b = new StringBuilder();
      for (int i = random.nextInt(7); i > 0; i--) {
        b.append(PIECES.get(random.nextInt(PIECES.size())));
      }
      String line = b.toString();
      if (SINGLE_SPACE.matcher(line).find()) {
        sentenceBreaks++;
        assertThat(DocCommentParser.hasSentenceBreak(line)).as(line).isTrue();
      }
      if (TAGGED.matcher(line).lookingAt()) {
        tags++;
        assertThat(DocCommentParser.mayBeTagged(line)).as(line).isTrue();
      }
    }
    assertThat(sentenceBreaks).isGreaterThan(100);
    assertThat(tags).isGreaterThan(100);
  }
}
