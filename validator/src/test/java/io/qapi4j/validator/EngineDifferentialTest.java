package io.qapi4j.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.qapi4j.jsonschema.Protocol;
import io.qapi4j.model.Schema;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The two engines give the same verdict — the suite's expected one — on every message of the
 * project's suite, and report the same errors (code, JSON Pointer, QEMU path); the first
 * disagreement fails the test and prints both results.
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
  void bothEnginesGiveTheExpectedVerdictAndTheSameErrorsOnEveryMessageOfTheSuite()
      throws IOException {
    List<MessageSuite.Entry> entries = MessageSuite.entries();
    for (MessageSuite.Entry e : entries) {
      QmpValidator[] v = validators(e);
      EngineComparison c = new EngineComparison(MessageSuite.validate(v[0], e),
          MessageSuite.validate(v[1], e));
      String what = e.id() + " (" + e.why() + ") expected " + (e.valid() ? "valid" : "invalid")
          + "\n  text: " + e.text();
      if (c.nativeResult().valid() != e.valid() || c.schemaResult().valid() != e.valid()) {
        fail("Wrong verdict on " + what + c.describe());
      }
      if (!c.sameErrors()) {
        fail("The engines report different errors on " + what + c.describe());
      }
    }
    assertThat(entries).hasSizeGreaterThanOrEqualTo(300);
  }
}
