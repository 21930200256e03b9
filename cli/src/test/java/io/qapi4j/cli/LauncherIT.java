package io.qapi4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code ./qapi4j} launcher at the repository root, run from other working directories. It
 * runs with {@code QAPI4J_NO_BUILD} so that it never starts Maven inside this Maven build (the jar
 * was just packaged).
 */
class LauncherIT {

  private static final Path LAUNCHER = SharedData.projectRoot().resolve("qapi4j");

  @TempDir Path dir;

  /** What a finished process printed. */
  private record Process(int exitCode, String out, String err) {}

  @Test
  void relativePathsAreTheCallersAndStdoutIsOneJsonDocument() throws Exception {
    Process run = launch(SharedData.testdata("seeds"),
        "check", "--format", "json", "003-qmp-misc-v6-era.json");

    assertThat(run.exitCode()).isEqualTo(ExitCode.CLEAN);
    JsonNode doc = JsonMapper.shared().readTree(run.out());
    assertThat(doc.get("ok").booleanValue()).isTrue();
    assertThat(doc.get("warnings").get(0).get("file").stringValue())
        .isEqualTo("003-qmp-misc-v6-era.json");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void exitCodesPassThrough() throws Exception {
    Files.writeString(dir.resolve("bad.json"), "{ 'enum': 'E' 'data': [] }\n");

    Process findings = launch(dir, "check", "--strict", "bad.json");
    Process missing = launch(dir, "check", "missing.json");
    Process usage = launch(dir, "check", "--no-such-option");

    assertThat(findings.exitCode()).isEqualTo(ExitCode.FINDINGS);
    assertThat(findings.out()).startsWith("bad.json:1:15: expected ',' or '}'\n");
    assertThat(missing.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(missing.err())
        .isEqualTo("qapi4j: can't read schema file 'missing.json': No such file or directory\n");
    assertThat(usage.exitCode()).isEqualTo(ExitCode.ERROR);
  }

  @Test
  void versionRuns() throws Exception {
    Process run = launch(dir, "--version");

    assertThat(run.exitCode()).isEqualTo(ExitCode.CLEAN);
    assertThat(run.out()).startsWith("qapi4j " + VersionProvider.projectVersion());
  }

  private Process launch(Path workingDirectory, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(workingDirectory.toFile())
        .redirectOutput(out.toFile())
        .redirectError(err.toFile());
    builder.environment().put("QAPI4J_NO_BUILD", "1");
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    java.lang.Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("./qapi4j did not finish in 120 s");
    }
    return new Process(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
