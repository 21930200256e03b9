package io.qapi4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code qapi4j validate} on the corpus (the figures per file: validator's CorpusFiguresTest and
 * testdata/corpus-figures.txt): the 35 iotests in one run against QEMU master's schema, libvirt's
 * 1.7 probe against the v1.7.0 release schema; the totals are the README's.
 */
class CorpusValidateTest {

  private static Map<String, Long> byCode(JsonNode report) {
    Map<String, Long> out = new TreeMap<>();
    report.at("/summary/byCode").properties()
        .forEach(e -> out.put(e.getKey(), e.getValue().asLong()));
    return out;
  }

  @Test
  void theIotestsAgainstMaster() throws IOException {
    List<String> args = new ArrayList<>(List.of("validate", "--no-qemu", "--format", "json",
        "--schema", SharedData.shared("qemu-qapi/master/qapi/qapi-schema.json").toString()));
    try (Stream<Path> files = Files.walk(SharedData.shared("corpus/iotests"))) {
      files.filter(p -> p.toString().endsWith(".out")).sorted()
          .forEach(p -> args.add(p.toString()));
    }
    assertThat(args).hasSize(6 + 35);

    CliRun run = CliRun.of(args.toArray(String[]::new)).assertNoStackTrace();

    assertThat(run.exitCode()).isEqualTo(ExitCode.FINDINGS);
    JsonNode report = JsonMapper.shared().readTree(run.out());
    assertThat(report.get("messages").asLong()).isEqualTo(1_190 + 2_544);
    assertThat(report.at("/summary/unparsed").asLong()).isZero();
    assertThat(report.at("/summary/errors").asLong()).isEqualTo(25 + 612);
    assertThat(report.at("/summary/warnings").asLong()).isEqualTo(335);
    assertThat(report.at("/summary/infos").asLong()).isEqualTo(4);
    assertThat(report.get("violations")).hasSize(25 + 612 + 335 + 4);
    assertThat(byCode(report)).isEqualTo(Map.of("MALFORMED_ENVELOPE", 550L,
        "MISSING_MEMBER", 38L, "UNEXPECTED_MEMBER", 21L, "INVALID_TYPE", 5L, "OUT_OF_RANGE", 2L,
        "INVALID_ENUM_VALUE", 21L, "UNEXPECTED_REPLY", 335L, "UNANSWERED_COMMAND", 4L));
  }

  @Test
  void libvirt17AgainstItsReleaseNegotiatesCleanly() {
    CliRun run = CliRun.of("validate", "--no-qemu", "--format", "json", "--schema",
        SharedData.shared("qemu-qapi/releases/v1.7.0/qapi-schema.json").toString(),
        SharedData.shared("corpus/libvirt-replies/caps_1.7.0.x86_64.replies").toString())
        .assertNoStackTrace();

    assertThat(run.exitCode()).isEqualTo(ExitCode.FINDINGS);
    JsonNode report = JsonMapper.shared().readTree(run.out());
    assertThat(report.get("messages").asLong()).isEqualTo(84);
    assertThat(byCode(report)).isEqualTo(Map.of("MISSING_MEMBER", 1L, "UNEXPECTED_MEMBER", 16L));
    assertThat(report.get("violations").findValuesAsString("name"))
        .containsOnly("block-commit", "device-list-properties");
  }
}
