package io.qapi4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code qapi4j introspect}: QEMU's generator output, options, exit codes. */
class IntrospectCommandTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static JsonNode golden(String name) throws Exception {
    return JSON.readTree(Files.readString(SharedData.testdata("introspection/" + name)));
  }

  private static String sample() {
    return SharedData.testdata("introspection/sample.json").toString();
  }

  @Test
  void printsWhatQemusGeneratorPrintsMaskedByDefault() throws Exception {
    CliRun run = CliRun.of("introspect", sample(), "--format", "json");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().strip()).doesNotContain("\n");
    assertThat(JSON.readTree(run.out())).isEqualTo(golden("sample.masked.json"));
  }

  @Test
  void unmaskAndDefineSelectQemusOtherOutputs() throws Exception {
    CliRun unmasked = CliRun.of("introspect", sample(), "--unmask");
    CliRun square = CliRun.of("introspect", sample(), "--define", "CONFIG_SQUARE");

    assertThat(unmasked.exitCode()).isZero();
    assertThat(unmasked.out()).contains("\n  ");
    assertThat(JSON.readTree(unmasked.out())).isEqualTo(golden("sample.unmasked.json"));
    assertThat(JSON.readTree(square.out())).isEqualTo(golden("sample.square.json"));
  }

  @Test
  void replyWrapsTheArrayAsQemuSendsIt() throws Exception {
    CliRun run = CliRun.of("introspect", sample(), "--reply", "--format", "json");

    JsonNode reply = JSON.readTree(run.out());
    assertThat(reply.propertyNames()).containsExactly("return");
    assertThat(reply.get("return")).isEqualTo(golden("sample.masked.json"));
  }

  @Test
  void theBundledDefaultSchemaNeedsNoArgument() throws Exception {
    CliRun run = CliRun.of("introspect", "--format", "json");

    assertThat(run.exitCode()).isZero();
    JsonNode info = JSON.readTree(run.out());
    assertThat(info.isArray()).isTrue();
    assertThat(info.findValuesAsString("name")).contains("query-version", "query-commands");
  }

  @Test
  void schemaErrorsExit1AndAMissingFileExits2(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{ 'command': 'frob', 'data': { 'a': 'Nope' } }\n");

    CliRun broken = CliRun.of("introspect", bad.toString()).assertNoStackTrace();
    CliRun missing = CliRun.of("introspect", dir.resolve("missing.json").toString())
        .assertNoStackTrace();

    assertThat(broken.exitCode()).isEqualTo(1);
    assertThat(broken.out()).isEmpty();
    assertThat(broken.err()).contains("Nope");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.out()).isEmpty();
  }
}
