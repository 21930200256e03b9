package io.qapi4j.validator.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.qapi4j.model.Schema;
import io.qapi4j.validator.Engine;
import io.qapi4j.validator.QmpValidator;
import io.qapi4j.validator.ValidationResult;
import io.qapi4j.validator.Violation;
import io.qapi4j.validator.ViolationCode;
import java.io.IOException;
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

  private record Engines(QmpValidator nativeEngine, QmpValidator jsonSchema) {}

  private final Map<Schema, Engines> engines = new IdentityHashMap<>();

  private Engines engines(Schema schema) {
    return engines.computeIfAbsent(schema, s -> new Engines(
        QmpValidator.builder(s).engine(Engine.NATIVE).build(),
        QmpValidator.builder(s).engine(Engine.JSON_SCHEMA).build()));
  }

  @Test
  void bothEnginesGiveTheSameVerdictOnEveryCorpusMessage() throws IOException {
    long messages = 0;
    long invalid = 0;
    long sameCodes = 0;
    Map<String, Long> codeDifferences = new TreeMap<>();
    for (CorpusCaptures.Capture c : CorpusCaptures.all()) {
      Schema schema = CorpusCaptures.schemaOf(c);
      Engines e = engines(schema);
      SessionTracker sessions = new SessionTracker(e.nativeEngine().protocol(), schema);
      try (CaptureReader reader = CaptureReader.open(c.path())) {
        for (CaptureItem item = reader.next(); item != null; item = reader.next()) {
          sessions.partialRecord(reader.format().isLog());
          if (item instanceof FilteredGreeting g) {
            sessions.greeting(g);
          }
          if (!(item instanceof CapturedMessage m)) {
            continue;
          }
          String command = sessions.accept(m).inReplyTo();
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
