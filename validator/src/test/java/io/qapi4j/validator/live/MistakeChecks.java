package io.qapi4j.validator.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.validator.QmpValidator;
import io.qapi4j.validator.Violation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The checks every live session makes of its deliberate mistakes. */
final class MistakeChecks {
  private MistakeChecks() {}

  /** {@code v}'s first violation of the mistake has the expected code and pointer. */
  static void assertFlagged(QmpValidator v, Mistake m) {
    List<Violation> violations = v.validate(m.request()).violations();
    assertThat(violations).as(m.request()).isNotEmpty();
    assertThat(violations.get(0).code()).as(m.request()).isEqualTo(m.code());
    assertThat(violations.get(0).pointer()).as(m.request()).isEqualTo(m.pointer());
  }

  /**
   * The mistakes whose first violation says something else than the server's {@code desc}, as
   * {@code what -> "PEER: desc | ours: message"}.
   */
  static Map<String, String> wordingDifferences(Stream<Step> mistakes, QmpValidator v, String peer) {
    Map<String, String> differ = new LinkedHashMap<>();
    mistakes.forEach(s -> {
      String ours = v.validate(s.mistake().request()).violations().get(0).message();
      String theirs = s.reply().errorDescription();
      if (!ours.equals(theirs)) {
        differ.put(s.mistake().what(), peer + ": " + theirs + " | ours: " + ours);
      }
    });
    return differ;
  }
}
