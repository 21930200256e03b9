package io.qapi4j.model.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The loops that read documentation lines instead of QEMU's regexes ({@code parser.py}): each
 * finds what its regex finds, and the test that spares most lines the sentence-spacing regex is
 * true wherever that regex matches.
 */
class DocLinePatternsTest {

  private static final Pattern AT_NAME_COLON = Pattern.compile("@([^:]*): *");
  private static final Pattern TAGGED =
      Pattern.compile("(Returns|Errors|Since|Notes?|Examples?|TODO)(?!::): *");
  private static final Pattern SINGLE_SPACE =
      Pattern.compile("(\\be\\.g\\.|^ *\\d\\.|([.!?])) [A-Z0-9(]", Pattern.UNICODE_CHARACTER_CLASS);

  private static final List<String> PIECES = List.of("e.g.", " ", "  ", ".", "!", "?", "1.",
      "\u0661.", "A", "z", "(", "@", "@name", ":", "::", "Returns", "Errors", "Since", "Note",
      "Notes", "Example", "Examples", "TODO", "s", "\u00e9", "\t");

  @Test
  void examples() {
    assertThat(DocCommentParser.descriptionColon("@node-name: the node")).isEqualTo(10);
    assertThat(DocCommentParser.afterColon("@node-name:   the node", 10)).isEqualTo("the node");
    assertThat(DocCommentParser.descriptionColon("@node-name")).isEqualTo(-1);
    assertThat(DocCommentParser.tag("Since: 2.1")).isEqualTo("Since");
    assertThat(DocCommentParser.tag("Notes: x")).isEqualTo("Notes");
    assertThat(DocCommentParser.tag("Note::")).isNull();
    assertThat(DocCommentParser.hasSentenceBreak("Ends here.  Then more.")).isFalse();
    assertThat(DocCommentParser.hasSentenceBreak("Ends here. Then more.")).isTrue();
  }

  @Test
  void eachLoopFindsWhatItsRegexFinds() {
    Random random = new Random(7);
    int[] matches = new int[3];
    for (int n = 0; n < 30_000; n++) {
      StringBuilder b = new StringBuilder();
      for (int i = random.nextInt(6); i > 0; i--) {
        b.append(PIECES.get(random.nextInt(PIECES.size())));
      }
      String line = b.toString();

      Matcher description = AT_NAME_COLON.matcher(line);
      int colon = DocCommentParser.descriptionColon(line);
      assertThat(colon >= 0).as(line).isEqualTo(description.lookingAt());
      if (colon >= 0) {
        matches[0]++;
        assertThat(line.substring(1, colon)).as(line).isEqualTo(description.group(1));
        assertThat(DocCommentParser.afterColon(line, colon)).as(line)
            .isEqualTo(line.substring(description.end()));
      }

      Matcher tagged = TAGGED.matcher(line);
      String tag = DocCommentParser.tag(line);
      assertThat(tag).as(line).isEqualTo(tagged.lookingAt() ? tagged.group(1) : null);
      if (tag != null) {
        matches[1]++;
        assertThat(DocCommentParser.afterColon(line, tag.length())).as(line)
            .isEqualTo(line.substring(tagged.end()));
      }

      if (SINGLE_SPACE.matcher(line).find()) {
        matches[2]++;
        assertThat(DocCommentParser.hasSentenceBreak(line)).as(line).isTrue();
      }
    }
    // The generator reaches every case often.
    assertThat(Arrays.stream(matches).min().orElse(0)).as(Arrays.toString(matches)).isGreaterThan(100);
  }
}
