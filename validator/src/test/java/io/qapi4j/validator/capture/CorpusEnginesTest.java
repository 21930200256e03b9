package io.qapi4j.validator.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.qapi4j.model.Schema;
import io.qapi4j.validator.MutationCheck.Engines;
import io.qapi4j.validator.Protocol;
import io.qapi4j.validator.ValidationResult;
import io.qapi4j.validator.Violation;
import io.qapi4j.validator.ViolationCode;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The native and the JSON Schema engine give the same verdict on every message of the corpus,
 * each validated as a single message with the command it answers given (the session pairing of
 * {@link SessionTracker} tells which). The first disagreement fails the test with both results.
 */
class CorpusEnginesTest {

  private final Map<Schema, Engines> engines = new IdentityHashMap<>();

  private Engines engines(Schema schema) {
    return engines.computeIfAbsent(schema, s -> Engines.of(s, Protocol.QMP, false));
  }

  @Test
  void bothEnginesGiveTheSameVerdictOnEveryCorpusMessage() {
    long messages = 0;
    long invalid = 0;
    long sameCodes = 0;
    Map<String, Long> codeDifferences = new TreeMap<>();
    for (CorpusCaptures.Capture c : CorpusCaptures.all()) {
      Schema schema = CorpusCaptures.schemaOf(c);
      Engines e = engines(schema);
      for (CorpusCaptures.Paired p : CorpusCaptures.paired(c, schema)) {
        CapturedMessage m = p.message();
        String command = p.inReplyTo();
        ValidationResult nat = e.nativeEngine().validate(m.json(), m.direction(), command);
        ValidationResult js = e.jsonSchema().validate(m.json(), m.direction(), command);
        if (nat.valid() != js.valid()) {
          fail("%s:%d (%s, in reply to %s) the engines disagree%n  text:        %s%n"
                  + "  native:      %s%n  json-schema: %s", c.file(), m.line(), m.envelope(),
              command, new String(m.json(), StandardCharsets.UTF_8), nat.violations(),
              js.violations());
        }
        messages++;
        invalid += nat.valid() ? 0 : 1;
        if (codes(nat).equals(codes(js))) {
          sameCodes++;
        } else {
          codeDifferences.merge(codes(nat) + " / " + codes(js), 1L, Long::sum);
        }
      }
    }
    System.out.printf("corpus: %d messages, %d invalid, same verdict from both engines on all,"
        + " the same codes on %d; where the codes differ (native / json-schema): %s%n", messages,
        invalid, sameCodes, codeDifferences);
    assertThat(messages).isEqualTo(3_928);
    assertThat(invalid).isGreaterThan(200);
  }

  private static List<ViolationCode> codes(ValidationResult r) {
    return r.violations().stream().map(Violation::code).sorted().toList();
  }
}
