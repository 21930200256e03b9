package io.qapi4j.model.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.model.Diagnostic;
import io.qapi4j.model.DefinitionKind;
import io.qapi4j.model.Schema;
import io.qapi4j.model.SchemaResult;
import io.qapi4j.testing.KindCounts;
import io.qapi4j.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The seed schemas the project started from: every era's syntax, read in both dialects. */
class SeedSchemasTest {

  private static final Path SEEDS = SharedData.testdata("seeds");

  static Stream<Arguments> cleanSeeds() {
    return Stream.of(
        Arguments.of("000-qmp-qapi-schema-v1.1-era.json", KindCounts.of(3, 29, 1, 0, 53, 0)),
        Arguments.of("001-qmp-qapi-schema-v1.7-era.json", KindCounts.of(18, 90, 8, 1, 96, 0)),
        Arguments.of("002-qmp-qapi-schema-v1.1-era-b.json", KindCounts.of(2, 26, 0, 0, 46, 0)),
        Arguments.of("003-qmp-misc-v6-era.json", KindCounts.of(3, 25, 1, 0, 31, 4)),
        Arguments.of("004-qga-qapi-schema.json", KindCounts.of(4, 18, 0, 0, 31, 0)));
  }


  @ParameterizedTest(name = "{0}")
  @MethodSource("cleanSeeds")
  void checksCleanInCompatModeWithItsDefinitionCounts(String seed, Map<DefinitionKind, Integer> expected) {
    SchemaResult result = SchemaReader.compat().read(SEEDS.resolve(seed));

    assertThat(result.errors()).extracting(Diagnostic::text).isEmpty();
    assertThat(result.orElseThrow().countsByKind()).isEqualTo(expected);
  }

  @Test
  void compatAcceptsSeed000sMissingCommaWithAWarningAt635Col3() {
    SchemaResult result = SchemaReader.compat().read(SEEDS.resolve("000-qmp-qapi-schema-v1.1-era.json"));

    assertThat(result.ok()).isTrue();
    assertThat(result.warnings())
        .filteredOn(w -> w.location().line() == 635)
        .singleElement()
        .satisfies(w -> {
          assertThat(w.location().column()).isEqualTo(3);
          assertThat(w.message()).startsWith("expected ',' or '}'");
          assertThat(w.isError()).isFalse();
        });
    assertThat(result.orElseThrow().type("NewImageMode")).isPresent();
  }

  @Test
  void strictStopsAtSeed000sMissingCommaOnceTheDocsAreOutOfTheWay() throws IOException {
    // Blank the comment lines (keeping line numbers) so the first error is the syntax slip.
    String text = Files.readString(SEEDS.resolve("000-qmp-qapi-schema-v1.1-era.json"))
        .replaceAll("(?m)^#.*$", "");

    SchemaResult result = SchemaReader.strict().readText("000.json", text);

    assertThat(result.errors()).first().extracting(Diagnostic::text)
        .isEqualTo("000.json:635:3: expected ',' or '}'");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cleanSeeds")
  void strictRejectsEverySeedExactlyAsQemuDoes(String seed) throws IOException {
    String prefix = SEEDS + "/";
    String expected = Files.readString(
        SEEDS.resolve("expected").resolve(seed.substring(0, 3) + ".strict.err"),
        StandardCharsets.UTF_8).stripTrailing();

    SchemaResult result = SchemaReader.strict().read(SEEDS.resolve(seed));

    assertThat(result.ok()).isFalse();
    assertThat(result.errors().get(0).text().replace(prefix, "")).isEqualTo(expected);
  }

  @Test
  void compatReadsPre24NestedStructsAsImplicitStructs() {
    Schema schema = SchemaReader.compat().read(SEEDS.resolve("000-qmp-qapi-schema-v1.1-era.json"))
        .orElseThrow();

    var version = (io.qapi4j.model.StructType) schema.type("VersionInfo").orElseThrow();
    assertThat(version.members()).extracting(m -> m.name() + ":" + m.type())
        .containsExactly("qemu:q_obj_VersionInfo-qemu", "package:str");
    var qemu = (io.qapi4j.model.StructType) schema.type("q_obj_VersionInfo-qemu").orElseThrow();
    assertThat(qemu.implicit()).isTrue();
    assertThat(qemu.members()).extracting(m -> m.name() + ":" + m.type())
        .containsExactly("major:int", "minor:int", "micro:int");
    assertThat(schema.definitions()).noneMatch(d -> d.name().startsWith("q_obj_"));
  }
}
