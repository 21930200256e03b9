package io.qapi4j.validator.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.model.Schema;
import io.qapi4j.model.read.SchemaReader;
import io.qapi4j.testing.SharedData;
import io.qapi4j.validator.QmpValidator;
import io.qapi4j.validator.ViolationCode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every capture of {@code ../shared/corpus} read and validated: no exception, no malformed input,
 * and exactly the messages the corpus README counts with {@code extract.py --lenient} (greeting,
 * execute, return, error, event), except where that script could not parse a message and qapi4j
 * can (iotests 185's {@code (filtered)} offsets: two more).
 */
class CorpusCaptureTest {

  /** Messages per file: the README's lenient counts (185: +2, see above). */
  private static final Map<String, Integer> MESSAGES = Map.ofEntries(
      Map.entry("iotests/060.out", 10), Map.entry("iotests/081.out", 44),
      Map.entry("iotests/085.out", 60), Map.entry("iotests/087.out", 27),
      Map.entry("iotests/109.out", 400), Map.entry("iotests/140.out", 11),
      Map.entry("iotests/141.out", 57), Map.entry("iotests/156.out", 32),
      Map.entry("iotests/173.out", 13), Map.entry("iotests/176.out", 40),
      Map.entry("iotests/184.out", 26), Map.entry("iotests/185.out", 125),
      Map.entry("iotests/191.out", 32), Map.entry("iotests/194.out", 17),
      Map.entry("iotests/206.out", 112), Map.entry("iotests/210.out", 46),
      Map.entry("iotests/213.out", 90), Map.entry("iotests/219.out", 271),
      Map.entry("iotests/223.out", 87), Map.entry("iotests/224.out", 12),
      Map.entry("iotests/234.out", 25), Map.entry("iotests/237.out", 98),
      Map.entry("iotests/240.out", 64), Map.entry("iotests/248.out", 8),
      Map.entry("iotests/257.out", 1392), Map.entry("iotests/258.out", 26),
      Map.entry("iotests/280.out", 34), Map.entry("iotests/296.out", 18),
      Map.entry("iotests/307.out", 51), Map.entry("iotests/308.out", 50),
      Map.entry("iotests/tests/image-fleecing.out", 71),
      Map.entry("iotests/tests/inactive-node-nbd.out", 128),
      Map.entry("iotests/tests/mirror-sparse.out", 216),
      Map.entry("iotests/tests/nbd-tls-iothread.out", 17),
      Map.entry("iotests/tests/qsd-migrate.out", 24),
      Map.entry("libvirt-replies/caps_1.7.0.x86_64.replies", 84),
      Map.entry("libvirt-replies/caps_2.12.0.x86_64.replies", 110));

  private static Schema master;

  @BeforeAll
  static void readMaster() {
    master = SchemaReader.compat()
        .read(SharedData.shared("qemu-qapi/master/qapi/qapi-schema.json")).orElseThrow();
  }

  static Stream<Arguments> files() {
    return MESSAGES.keySet().stream().sorted().map(Arguments::of);
  }

  @ParameterizedTest
  @MethodSource("files")
  void everyCorpusFileIsReadWhole(String file) throws IOException {
    Path path = SharedData.shared("corpus/" + file);
    AtomicLong findings = new AtomicLong();
    CaptureSummary summary;
    try (CaptureReader reader = CaptureReader.open(path)) {
      summary = CaptureValidator.of(QmpValidator.of(master)).validate(reader,
          CaptureListener.of(f -> findings.incrementAndGet(), u -> { }));
    }

    assertThat(summary.messages()).isEqualTo(MESSAGES.get(file).longValue());
    assertThat(summary.unparsed()).isZero();
    assertThat(summary.errors() + summary.warnings() + summary.infos()).isEqualTo(findings.get());
    assertThat(summary.bytes()).isEqualTo(java.nio.file.Files.size(path));
  }

  @Test
  void libvirt212IsCleanAgainstItsOwnQueryQmpSchemaReply() throws IOException {
    Path path = SharedData.shared("corpus/libvirt-replies/caps_2.12.0.x86_64.replies");
    EmbeddedSchema.Found found;
    try (CaptureReader reader = CaptureReader.open(path)) {
      found = EmbeddedSchema.find(reader);
    }
    assertThat(found).isNotNull();
    assertThat(found.result().ok()).isTrue();
    assertThat(found.line()).isEqualTo(7907);
    assertThat(found.entries()).isEqualTo(742);

    CaptureSummary summary;
    try (CaptureReader reader = CaptureReader.open(path)) {
      summary = CaptureValidator.of(QmpValidator.of(found.result().orElseThrow()))
          .validate(reader, CaptureListener.of(f -> { }, u -> { }));
    }
    assertThat(summary.messages()).isEqualTo(110);
    assertThat(summary.sessions()).isEqualTo(2);
    assertThat(summary.byCode()).isEmpty();
    assertThat(summary.format()).isEqualTo(CaptureFormat.JSON);
  }

  @Test
  void libvirt17AgainstTheQemu17Schema() throws IOException {
    Schema v17 = SchemaReader.compat()
        .read(SharedData.shared("qemu-qapi/releases/v1.7.0/qapi-schema.json")).orElseThrow();
    CaptureSummary summary;
    try (CaptureReader reader = CaptureReader.open(
        SharedData.shared("corpus/libvirt-replies/caps_1.7.0.x86_64.replies"))) {
      summary = CaptureValidator.of(QmpValidator.of(v17))
          .validate(reader, CaptureListener.of(f -> { }, u -> { }));
    }

    assertThat(summary.messages()).isEqualTo(84);
    assertThat(summary.sessions()).isEqualTo(2);
    // qmp_capabilities is no schema command in 1.7 (the monitor defined it); libvirt's
    // hand-inserted device-list-properties reply has members of later QEMUs; libvirt probes
    // block-commit without 'top', which 1.7 requires.
    assertThat(summary.byCode()).containsExactlyInAnyOrderEntriesOf(Map.of(
        ViolationCode.UNKNOWN_COMMAND, 2L, ViolationCode.UNEXPECTED_REPLY, 2L,
        ViolationCode.UNEXPECTED_MEMBER, 16L, ViolationCode.MISSING_MEMBER, 1L));
  }

  @Test
  void theIotestsLogsHoldNoSchema() throws IOException {
    for (String file : List.of("iotests/085.out", "iotests/257.out")) {
      try (CaptureReader reader = CaptureReader.open(SharedData.shared("corpus/" + file))) {
        assertThat(EmbeddedSchema.find(reader)).as(file).isNull();
      }
    }
  }
}
