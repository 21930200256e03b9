package io.qapi4j.validator.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qapi4j.model.Schema;
import io.qapi4j.model.introspect.IntrospectionReader;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Asking a QEMU binary for its schema over {@code -qmp stdio}, and finding one on PATH. */
class QemuIntrospectionTest {

  private static final String GREETING = "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 3,"
      + " \"minor\": 2, \"major\": 1}, \"package\": \"\"}, \"capabilities\": []}}";

  @TempDir Path dir;

  /** A shell script standing in for QEMU. */
  private Path script(String name, String body) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return p;
  }

  @Test
  void qemuTellsItsSchemaAndVersionOverStdio() {
    String qemu = LiveBinaries.qemu().toString();

    QemuIntrospection.Answer answer = QemuIntrospection.querySchema(qemu, Duration.ofSeconds(30));
    Schema schema = IntrospectionReader.read(answer.schemaInfo(), "qemu 7.2").orElseThrow();

    assertThat(answer.schemaInfo().size()).isGreaterThan(1000);
    assertThat(answer.version()).matches("7\\.2\\.\\d+");
    assertThat(schema.commands()).containsKeys("query-qmp-schema", "qom-list", "blockdev-add", "quit");
    assertThat(schema.events()).containsKeys("SHUTDOWN", "STOP", "RESUME");
  }

  @Test
  void aMissingBinaryIsAClearError() {
    assertThatThrownBy(() -> QemuIntrospection.querySchema("qapi4j-no-such-qemu", Duration.ofSeconds(5)))
        .isInstanceOf(LiveException.class)
        .hasMessageStartingWith("cannot find qapi4j-no-such-qemu on PATH or in /usr/local/sbin, /usr/sbin, /sbin")
        .hasMessageEndingWith("(is qemu-system-x86 installed?)");
    assertThatThrownBy(() -> QemuIntrospection.querySchema("/nonexistent/qemu", Duration.ofSeconds(5)))
        .isInstanceOf(LiveException.class)
        .hasMessage("cannot run /nonexistent/qemu: no such executable file");
  }

  @Test
  void aBinaryThatDiesSaysWhatItPrintedFirst() throws Exception {
    Path dying = script("fake-qemu", "echo 'qemu: bad option' >&2; echo 'more' >&2; exit 1");

    assertThatThrownBy(() -> QemuIntrospection.querySchema(dying.toString(), Duration.ofSeconds(10)))
        .isInstanceOf(LiveException.class)
        .hasMessage(dying + " gave no reply to query-qmp-schema: qemu: bad option");
  }

  @Test
  void aBinaryThatSaysNothingIsGivenUpOnInTime() throws Exception {
    Path silent = script("silent-qemu", "exec sleep 60");

    long start = System.nanoTime();
    assertThatThrownBy(() -> QemuIntrospection.querySchema(silent.toString(), Duration.ofSeconds(1)))
        .isInstanceOf(LiveException.class)
        .hasMessageStartingWith(silent + " did not answer query-qmp-schema within 1 s (started as: "
            + silent + " -machine none -nodefaults -display none -qmp stdio)");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
  }

  @Test
  void aRefusalIsReportedInTheServersWords() throws Exception {
    Path refusing = script("refusing-qemu", "echo '" + GREETING + "'; read line;"
        + " echo '{\"return\": {}, \"id\": 1}'; read line;"
        + " echo '{\"error\": {\"class\": \"CommandNotFound\", \"desc\": \"The command"
        + " query-qmp-schema has not been found\"}, \"id\": 2}'; read line");

    assertThatThrownBy(() -> QemuIntrospection.querySchema(refusing.toString(), Duration.ofSeconds(10)))
        .isInstanceOf(LiveException.class)
        .hasMessage(refusing + " refused query-qmp-schema: The command query-qmp-schema has not been found");
  }

  @Test
  void thePreferredQemuOnPathComesFirstThenAnyQemuSystem() throws Exception {
    Path a = Files.createDirectory(dir.resolve("a"));
    Path b = Files.createDirectory(dir.resolve("b"));
    Files.createFile(a.resolve("qemu-system-riscv64"));
    Path arm = script("b/qemu-system-aarch64", "exit 0");
    Path x86 = script("b/qemu-system-x86_64", "exit 0");
    String path = a + File.pathSeparator + b;

    assertThat(QemuIntrospection.qemuOnPath(path)).contains(x86);
    Files.delete(x86);
    assertThat(QemuIntrospection.qemuOnPath(path)).contains(arm);
    assertThat(QemuIntrospection.qemuOnPath(a.toString())).isEmpty(); // not executable
    assertThat(QemuIntrospection.qemuOnPath("")).isEmpty();
    assertThat(QemuIntrospection.qemuOnPath(null)).isEmpty();
  }
}
