package io.qapi4j.validator.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Missing, dying and hanging binaries give clear errors within their timeouts, and leave no
 * process and no temporary folder behind.
 */
class LaunchFailureTest {

  private final Path dir = ChildProcess.newDirectory("qapi4j-launch-test-");
  private final Set<Path> before = folders();

  private static Set<Path> folders() {
    try (var s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return s.collect(Collectors.toSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void cleanUp() {
    ChildProcess.deleteTree(dir);
  }

  /** A shell script standing in for QEMU. */
  private Path script(String name, String body) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return p;
  }

  @Test
  void missingBinaries() {
    assertThatThrownBy(() -> QemuProcess.builder().binary("qapi4j-no-such-qemu").start())
        .isInstanceOf(LiveException.class)
        .hasMessageContaining("cannot find qapi4j-no-such-qemu on PATH")
        .hasMessageEndingWith("(is qemu-system-x86 installed?)");
    assertThatThrownBy(() -> GuestAgentProcess.builder().binary("/nonexistent/qemu-ga").start())
        .isInstanceOf(LiveException.class)
        .hasMessage("cannot run /nonexistent/qemu-ga: no such executable file");
  }

  @Test
  void aBinaryThatDiesAtOnceSaysWhatItPrinted() throws Exception {
    Path dying = script("dying-qemu", "echo 'qemu: something is wrong' >&2; exit 3");

    assertThatThrownBy(() -> QemuProcess.builder().binary(dying.toString()).start())
        .isInstanceOf(LiveException.class)
        .hasMessageStartingWith("dying-qemu exited before listening on ")
        .hasMessageEndingWith("; dying-qemu exited with status 3; its stderr: qemu: something is wrong");
    assertThat(newFolders()).isEmpty();
  }

  @Test
  void aBinaryThatDiesOnStdioSaysSoWhileWaitingForTheGreeting() throws Exception {
    Path dying = script("dying-qemu", "echo 'no monitor for you' >&2; exit 1");

    try (QemuProcess qemu = QemuProcess.builder().binary(dying.toString())
        .monitor(QemuProcess.Monitor.STDIO).start()) {
      assertThatThrownBy(qemu::connect)
          .isInstanceOf(LiveException.class)
          .hasMessageContaining("closed the connection while waiting for the QMP greeting")
          .hasMessageEndingWith("dying-qemu exited with status 1; its stderr: no monitor for you");
    }
  }

  @Test
  void aBinaryThatHangsIsKilledAfterTheTimeout() throws Exception {
    Path hanging = script("hanging-qemu", "exec sleep 60");
    long start = System.nanoTime();

    assertThatThrownBy(() -> QemuProcess.builder().binary(hanging.toString())
            .startTimeout(Duration.ofMillis(300)).start())
        .isInstanceOf(LiveException.class)
        .hasMessageStartingWith("hanging-qemu did not listen on ")
        .hasMessageContaining("within 300 ms; killed it; hanging-qemu exited with status");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(newFolders()).isEmpty();
  }

  @Test
  void aSilentStdioMonitorTimesOutAndTheProcessIsKilled() throws Exception {
    Path silent = script("silent-qemu", "exec sleep 60");
    QemuProcess closed;
    try (QemuProcess qemu = QemuProcess.builder().binary(silent.toString())
        .monitor(QemuProcess.Monitor.STDIO).start()) {
      assertThatThrownBy(() -> qemu.connect(ClientOptions.defaults().withTimeout(Duration.ofMillis(300))))
          .isInstanceOf(LiveException.class)
          .hasMessageContaining("within 300 ms while waiting for the QMP greeting; silent-qemu is still running");
      assertThat(qemu.isAlive()).isTrue();
      closed = qemu;
    }
    assertThat(closed.isAlive()).isFalse();
    assertThat(newFolders()).isEmpty();
  }

  @Test
  void qemuRefusingItsCommandLineShowsItsOwnMessage() {
    Path qemu = LiveBinaries.qemu();

    assertThatThrownBy(() -> QemuProcess.builder().binary(qemu.toString())
            .arguments("-qapi4j-no-such-option").start())
        .isInstanceOf(LiveException.class)
        .hasMessageContaining("exited with status 1")
        .hasMessageContaining("-qapi4j-no-such-option: invalid option");
  }

  @Test
  void closingRemovesTheProcessAndItsFolder() {
    Path qemu = LiveBinaries.qemu();
    Path socket;
    ProcessHandle handle;
    try (QemuProcess process = QemuProcess.builder().binary(qemu.toString()).start()) {
      socket = process.socketPath();
      assertThat(socket).exists();
      handle = ProcessHandle.allProcesses()
          .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains(socket.toString()))
              .orElse(false))
          .findFirst().orElseThrow();
    }
    assertThat(handle.isAlive()).isFalse();
    assertThat(socket.getParent()).doesNotExist();
  }

  /** The launchers' temporary folders created since this test began and still on disk. */
  private List<Path> newFolders() throws Exception {
    try (var s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return s.filter(p -> p.getFileName().toString().startsWith("qapi4j-qemu-"))
          .filter(p -> !before.contains(p)).toList();
    }
  }
}
