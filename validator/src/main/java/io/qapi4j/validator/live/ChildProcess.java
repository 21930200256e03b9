package io.qapi4j.validator.live;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A child process started in a temporary directory it owns, its stderr kept in a file there for
 * error messages. Closing it (or the JVM exiting) kills the process and removes the directory.
 */
final class ChildProcess implements AutoCloseable {

  /** Longest socket path the kernel takes ({@code sun_path} is 108 bytes with its NUL). */
  private static final int MAX_SOCKET_PATH = 107;
  /** How long a process that closed its connection has to exit before it is called running. */
  private static final Duration EXIT_AFTER_CLOSE = Duration.ofSeconds(2);

  private final String name;
  private final List<String> command;
  private final Path directory;
  private final Path stderrFile;
  private final Process process;
  private final Thread shutdownHook;

  private ChildProcess(String name, List<String> command, Path directory, Path stderrFile,
      Process process) {
    this.name = name;
    this.command = List.copyOf(command);
    this.directory = directory;
    this.stderrFile = stderrFile;
    this.process = process;
    this.shutdownHook = new Thread(this::kill, "qapi4j-kill " + name);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** A new temporary directory for a child's sockets and state. */
  static Path newDirectory(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new LiveException("cannot create a temporary directory: " + e.getMessage(), e);
    }
  }

  /** {@code directory/file}, checked to fit in a Unix socket address. */
  static Path socketIn(Path directory, String file) {
    Path socket = directory.resolve(file).toAbsolutePath();
    if (socket.toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
      deleteTree(directory);
      throw new LiveException("socket path " + socket + " is longer than " + MAX_SOCKET_PATH
          + " bytes; set java.io.tmpdir to a shorter folder");
    }
    return socket;
  }

  /**
   * Starts {@code command} in {@code directory}, which it then owns (and deletes when closed,
   * or at once if the start fails).
   *
   * @param pipeStdio whether stdin and stdout are pipes to this JVM (else /dev/null and discarded)
   */
  static ChildProcess start(String name, List<String> command, Path directory, boolean pipeStdio) {
    Path stderr = directory.resolve(name + ".stderr");
    ProcessBuilder pb = new ProcessBuilder(command).directory(directory.toFile())
        .redirectError(stderr.toFile());
    if (!pipeStdio) {
      pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
          .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    }
    try {
      return new ChildProcess(name, command, directory, stderr, pb.start());
    } catch (IOException | RuntimeException e) {
      deleteTree(directory);
      throw new LiveException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
    }
  }

  Process process() {
    return process;
  }

  List<String> command() {
    return command;
  }

  /**
   * Waits until {@code socket} exists.
   *
   * @throws LiveException if the process exits first or the timeout passes (the process is
   *     then killed)
   */
  void awaitSocket(Path socket, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!Files.exists(socket)) {
      if (!process.isAlive()) {
        throw new LiveException(name + " exited before listening on " + socket + state());
      }
      if (System.nanoTime() > deadline) {
        kill();
        throw new LiveException(name + " did not listen on " + socket + " within "
            + timeout.toMillis() + " ms; killed it" + state());
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LiveException("interrupted while waiting for " + name, e);
      }
    }
  }

  /**
   * Connects to the process's {@code socket}, retrying while it is still starting to listen (the
   * socket file exists a moment before the process listens on it).
   *
   * @throws LiveException if the process died or does not accept within {@code timeout}
   */
  Transport connect(Path socket, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        return Transport.unixSocket(socket);
      } catch (LiveException e) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new LiveException(e.getMessage() + state(), e);
        }
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LiveException("interrupted while connecting to " + socket, e);
      }
    }
  }

  /**
   * The process's state for error messages: {@code "; NAME exited with status N; stderr: ..."},
   * or {@code "; NAME is still running"}.
   */
  String state() {
    return state(false);
  }

  /**
   * {@link #state()}; {@code closed}: whether the process just closed its end of a connection —
   * then it is likely exiting, and has a moment to, so that the message tells how it ended.
   */
  String state(boolean closed) {
    if (closed) {
      awaitExit(EXIT_AFTER_CLOSE);
    }
    String tail = stderrTail();
    String stderr = tail.isBlank() ? "" : "; its stderr: " + tail.strip();
    if (process.isAlive()) {
      return "; " + name + " is still running" + stderr;
    }
    return "; " + name + " exited with status " + process.exitValue() + stderr;
  }

  /** The last 4 KiB of what the process wrote on stderr. */
  String stderrTail() {
    try (RandomAccessFile f = new RandomAccessFile(stderrFile.toFile(), "r")) {
      long from = Math.max(0, f.length() - 4096);
      byte[] bytes = new byte[(int) (f.length() - from)];
      f.seek(from);
      f.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** Waits up to {@code timeout} for the process to exit by itself; whether it did. */
  boolean awaitExit(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  private void kill() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!awaitExit(Duration.ofSeconds(5))) {
      process.destroyForcibly();
      awaitExit(Duration.ofSeconds(5));
    }
  }

  /** Kills the process (SIGTERM, then SIGKILL after 5 s) and deletes its directory. */
  @Override
  public void close() {
    kill();
    QuietClose.close(process.getOutputStream());
    QuietClose.close(process.getInputStream());
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or about to: it kills the process anyway.
    }
    deleteTree(directory);
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException ignored) {
          // Left for the OS's temp cleaner; nothing else depends on it.
        }
      });
    } catch (IOException ignored) {
      // Same: a leftover temp folder is harmless.
    }
  }
}
