package io.qapi4j.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * QEMU's QDict member order: the buckets are QEMU's {@code tdb_hash % 512} (values computed with
 * QEMU's C code's arithmetic), and real QEMU 7.2 answers follow it (see the live session test).
 */
class QDictOrderTest {

  @ParameterizedTest
  @CsvSource({"execute, 299", "exec-oob, 162", "arguments, 447", "id, 486", "qapi4j, 78",
      "foo, 490", "aa, 110", "aq, 110", "ä, 388"})
  void bucketsAreQemusTdbHash(String key, int bucket) {
    assertThat(QDictOrder.bucket(key)).isEqualTo(bucket);
  }

  @Test
  void membersComeByBucketAndNewestFirstWithinOne() {
    var object = MessageParser.parse(
        "{\"execute\": 1, \"aa\": 2, \"id\": 3, \"exec-oob\": 4, \"aq\": 5, \"qapi4j\": 6}").node();

    assertThat(QDictOrder.keys(object))
        .containsExactly("qapi4j", "aq", "aa", "exec-oob", "execute", "id");
  }

  @Test
  void theFirstEnvelopeViolationIsTheOneQemuReports() {
    QmpValidator v = QmpValidator.of(io.qapi4j.model.read.SchemaReader.strict()
        .read(io.qapi4j.testing.SharedData.testdata("validator/frob.json")).orElseThrow());

    // Text order would report 'foo' and 'arguments' first; QEMU 7.2 reports these.
    assertThat(v.validate("{\"execute\": \"ping\", \"foo\": 1, \"qapi4j\": 2}").violations())
        .extracting(Violation::message)
        .containsExactly("QMP input member 'qapi4j' is unexpected", "QMP input member 'foo' is unexpected");
    assertThat(v.validate("{\"arguments\": [], \"execute\": 1}").violations().get(0).message())
        .isEqualTo("QMP input member 'execute' must be a string");
    assertThat(List.of(v.validate("{\"exec-oob\": \"ping\", \"execute\": \"ping\"}").violations().get(0).message()))
        .containsExactly("QMP input member 'execute' clashes with 'exec-oob'");
  }
}
