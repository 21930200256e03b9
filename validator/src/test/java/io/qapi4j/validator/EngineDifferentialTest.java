package io.qapi4j.validator;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.jsonschema.Protocol;
import io.qapi4j.model.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The two engines give the same verdict — the suite's expected one — on every message of the
 * project's suite; a disagreement prints both results.
 */
class EngineDifferentialTest {

  private final Map<String, QmpValidator[]> validators = new HashMap<>();

  private QmpValidator[] validators(MessageSuite.Entry e) {
    String key = e.schema() + e.defines() + e.lenient();
    return validators.computeIfAbsent(key, k -> {
      Schema schema = MessageSuite.schema(e);
      io.qapi4j.validator.Protocol p = Protocol.detect(schema) == Protocol.QGA
          ? io.qapi4j.validator.Protocol.QGA : io.qapi4j.validator.Protocol.QMP;
      return new QmpValidator[] {
        QmpValidator.builder(schema).protocol(p).lenientOutput(e.lenient()).engine(Engine.NATIVE)
            .build(),
        QmpValidator.builder(schema).protocol(p).lenientOutput(e.lenient())
            .engine(Engine.JSON_SCHEMA).build()
      };
    });
  }

  @Test
  void bothEnginesGiveTheExpectedVerdictOnEveryMessageOfTheSuite() throws IOException {
    List<MessageSuite.Entry> entries = MessageSuite.entries();
    List<String> disagreements = new ArrayList<>();
    for (MessageSuite.Entry e : entries) {
      QmpValidator[] v = validators(e);
      ValidationResult nat = MessageSuite.validate(v[0], e);
      ValidationResult js = MessageSuite.validate(v[1], e);
      if (nat.valid() != e.valid() || js.valid() != e.valid()) {
        disagreements.add(e.id() + " (" + e.why() + ") expected " + (e.valid() ? "valid" : "invalid")
            + "\n  text:   " + e.text()
            + "\n  native: " + nat.violations()
            + "\n  schema: " + js.violations());
      }
    }
    assertThat(entries).hasSizeGreaterThanOrEqualTo(300);
    assertThat(disagreements).as(String.join("\n", disagreements)).isEmpty();
  }
}
