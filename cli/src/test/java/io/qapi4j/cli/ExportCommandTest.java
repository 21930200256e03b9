package io.qapi4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.testing.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code qapi4j export}: files written, the --format json report, exit codes. */
class ExportCommandTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = new CommandLine(new ExportCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void writesTheBundleAndListsItAsJson() throws Exception {
    Path seed = SharedData.testdata("seeds/003-qmp-misc-v6-era.json");

    int code = run(seed.toString(), "-o", dir.toString(), "--format", "json", "--id", "6.0");

    assertThat(code).isZero();
    JsonNode listed = JsonMapper.builder().build().readTree(out.toString());
    Path bundle = dir.resolve("6.0.schema.json");
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).asString()).isEqualTo(bundle.toString());
    JsonNode schema = JsonMapper.builder().build().readTree(Files.readString(bundle));
    assertThat(schema.get("$id").asString()).isEqualTo("urn:qapi4j:qmp:6.0");
    assertThat(schema.get("$ref").asString()).isEqualTo("#/$defs/qmp:message");
    assertThat(schema.get("$defs").has("command:add_client")).isTrue();
  }

  @Test
  void splitDraft07QgaWritesOneFilePerDefinition() throws Exception {
    Path seed = SharedData.testdata("seeds/004-qga-qapi-schema.json");

    int code = run(seed.toString(), "-o", dir.toString(), "--split", "--draft", "07", "--no-docs");

    assertThat(code).isZero();
    assertThat(dir.resolve("schema.json")).exists();
    assertThat(dir.resolve("command/guest-sync.json")).exists();
    assertThat(dir.resolve("qga/message.json")).exists();
    assertThat(Files.readString(dir.resolve("type/GuestAgentInfo.json")))
        .contains("\"$schema\": \"http://json-schema.org/draft-07/schema#\"")
        .doesNotContain("description");
    assertThat(out.toString().lines()).contains(dir.resolve("schema.json").toString());
  }

  @Test
  void schemaErrorsExitWith1AndWriteNothing() throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{ 'struct': 'Foo', 'data': { 'a': 'Nope' } }\n");

    int code = run(bad.toString(), "-o", dir.resolve("out").toString(), "--format", "json");

    assertThat(code).isEqualTo(1);
    assertThat(out.toString().strip()).isEqualTo("[]");
    assertThat(err.toString()).contains("Nope");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void usageAndIoErrorsExitWith2() {
    assertThat(run("missing.json", "-o", dir.toString())).isEqualTo(2);
    assertThat(run(SharedData.testdata("seeds/004-qga-qapi-schema.json").toString(), "-o",
        dir.toString(), "--draft", "04")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown JSON Schema draft");
    assertThat(run("x.json")).isEqualTo(2);
  }
}
