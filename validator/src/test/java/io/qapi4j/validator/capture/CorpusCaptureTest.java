package io.qapi4j.validator.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.model.Schema;
import io.qapi4j.testing.SharedData;
import io.qapi4j.validator.QmpValidator;
import io.qapi4j.validator.ViolationCode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every capture of {@code ../shared/corpus} read and validated: no exception, no malformed input,
 * and exactly the messages the corpus README counts with {@code extract.py --lenient} (greeting,
 * execute, return, error, event), except where that script could not parse a message and qapi4j
 * can (iotests 185's {@code (filtered)} offsets: two more); and why each file is validated against
 * the schema {@link CorpusCaptures} gives it. The findings themselves: {@link CorpusFiguresTest}.
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

  static Stream<Arguments> files() {
    return MESSAGES.keySet().stream().sorted().map(Arguments::of);
  }

  @Test
  void theCorpusHasTheFilesItsReadmeLists() {
    assertThat(CorpusCaptures.all()).extracting(CorpusCaptures.Capture::file)
        .containsExactlyInAnyOrderElementsOf(MESSAGES.keySet());
  }

  @ParameterizedTest
  @MethodSource("files")
  void everyCorpusFileIsReadWhole(String file) throws IOException {
    CorpusCaptures.Capture capture = CorpusCaptures.named(file);
    AtomicLong findings = new AtomicLong();
    CaptureSummary summary;
    try (CaptureReader reader = CaptureReader.open(capture.path())) {
      summary = CaptureValidator.of(QmpValidator.of(CorpusCaptures.schemaOf(capture)))
          .validate(reader, CaptureListener.of(f -> findings.incrementAndGet(), u -> { }));
    }

    assertThat(summary.messages()).isEqualTo(MESSAGES.get(file).longValue());
    assertThat(summary.unparsed()).isZero();
    assertThat(summary.errors() + summary.warnings() + summary.infos()).isEqualTo(findings.get());
    assertThat(summary.bytes()).isEqualTo(Files.size(capture.path()));
  }

  @Test
  void libvirt212IsCleanAgainstItsOwnQueryQmpSchemaReplyAndTheReleaseSchema() throws IOException {
    CorpusCaptures.Capture capture =
        CorpusCaptures.named("libvirt-replies/caps_2.12.0.x86_64.replies");
    EmbeddedSchema.Found found;
    try (CaptureReader reader = CaptureReader.open(capture.path())) {
      found = EmbeddedSchema.find(reader);
    }
    assertThat(found).isNotNull();
    assertThat(found.result().ok()).isTrue();
    assertThat(found.line()).isEqualTo(7907);
    assertThat(found.entries()).isEqualTo(742);

    for (Schema schema : List.of(found.result().orElseThrow(), CorpusCaptures.release("v2.12.0"))) {
      CorpusCaptures.Validated v = CorpusCaptures.validate(capture, QmpValidator.of(schema));
      assertThat(v.summary().messages()).isEqualTo(110);
      assertThat(v.summary().sessions()).isEqualTo(2);
      assertThat(v.findings()).isEmpty();
      assertThat(v.summary().format()).isEqualTo(CaptureFormat.JSON);
    }
  }

  @Test
  void libvirt17NegotiatesWithoutFindingsAlthoughItsSchemaLacksQmpCapabilities() {
    CorpusCaptures.Capture capture =
        CorpusCaptures.named("libvirt-replies/caps_1.7.0.x86_64.replies");
    assertThat(CorpusCaptures.schemaOf(capture).command("qmp_capabilities")).isEmpty();

    CorpusCaptures.Validated v =
        CorpusCaptures.validate(capture, QmpValidator.of(CorpusCaptures.schemaOf(capture)));

    assertThat(v.summary().sessions()).isEqualTo(2);
    assertThat(v.messages()).filteredOn(m -> "qmp_capabilities".equals(m.envelope().name()))
        .hasSize(2);
    assertThat(v.findings()).extracting(f -> f.message().name())
        .doesNotContain("qmp_capabilities");
  }

  @Test
  void theIotestsLogsHoldNoSchema() throws IOException {
    for (String file : List.of("iotests/085.out", "iotests/257.out")) {
      try (CaptureReader reader = CaptureReader.open(SharedData.shared("corpus/" + file))) {
        assertThat(EmbeddedSchema.find(reader)).as(file).isNull();
      }
    }
  }

  /**
   * No iotest of the corpus logs a storage daemon's monitor: qsd-migrate logs the two VMs'
   * commands, which qemu-storage-daemon does not have (its own reconfiguration shows only as two
   * replies), so the system emulator's schema is the one that fits.
   */
  @Test
  void qsdMigrateLogsTheVirtualMachinesNotTheStorageDaemon() {
    CorpusCaptures.Capture capture = CorpusCaptures.named("iotests/tests/qsd-migrate.out");
    Schema storageDaemon = CorpusCaptures.read("qemu-qapi/master/storage-daemon/qapi/qapi-schema.json");

    CorpusCaptures.Validated v = CorpusCaptures.validate(capture, QmpValidator.of(storageDaemon));

    long commands = v.messages().stream().filter(m -> m.envelope().kind().isCommand()).count();
    assertThat(commands).isEqualTo(11);
    assertThat(v.findings()).filteredOn(f -> f.violation().code() == ViolationCode.UNKNOWN_COMMAND)
        .hasSize((int) commands);
  }

  /** 191's expected output predates 10.1, which made {@code children} a required member. */
  @Test
  void iotests191IsCleanAgainstTheSchemaOfItsTime() {
    CorpusCaptures.Capture capture = CorpusCaptures.named("iotests/191.out");

    CorpusCaptures.Validated then =
        CorpusCaptures.validate(capture, QmpValidator.of(CorpusCaptures.release("v10.0.0")));
    CorpusCaptures.Validated now =
        CorpusCaptures.validate(capture, QmpValidator.of(CorpusCaptures.schemaOf(capture)));

    assertThat(then.findings()).isEmpty();
    assertThat(now.findings()).isNotEmpty().allSatisfy(f -> {
      assertThat(f.message().name()).isEqualTo("query-named-block-nodes");
      assertThat(f.violation().message()).endsWith(".children' is missing");
    });
  }
}
