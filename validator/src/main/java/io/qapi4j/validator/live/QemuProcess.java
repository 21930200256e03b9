package io.qapi4j.validator.live;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A QEMU system emulator with nothing but a QMP monitor, in a temporary directory:
 *
 * <pre>qemu-system-x86_64 -machine none -nodefaults -display none [ARGS...] -qmp unix:DIR/qmp.sock,server=on,wait=off</pre>
 *
 * or with {@code -qmp stdio}, the monitor on the process's stdin and stdout. Closing it kills QEMU
 * (if a {@code quit} has not ended it already) and removes the directory; so does the JVM's
 * exit.
 *
 * <pre>{@code
 * try (QemuProcess qemu = QemuProcess.builder().monitor(QemuProcess.Monitor.STDIO).start();
 *      QmpClient qmp = qemu.connect()) {
 *   qmp.negotiate();
 *   JsonNode schema = qmp.execute("query-qmp-schema").result();
 * }
 * }</pre>
 */
public final class QemuProcess implements AutoCloseable {

  /** The binary started unless told otherwise (found on {@code PATH}). */
  public static final String DEFAULT_BINARY = "qemu-system-x86_64";

  /** Where the QMP monitor listens. */
  public enum Monitor {
    /** A Unix socket in the process's directory ({@link #socketPath()}); clients may reconnect. */
    UNIX_SOCKET,
    /** The process's stdin and stdout; one client, once. */
    STDIO
  }

  private final ChildProcess child;
  private final Monitor monitor;
  private final @Nullable Path socket;
  private boolean stdioTaken;

  private QemuProcess(ChildProcess child, Monitor monitor, @Nullable Path socket) {
    this.child = child;
    this.monitor = monitor;
    this.socket = socket;
  }

  /** A builder: {@value #DEFAULT_BINARY}, Unix socket monitor, 10 s to start. */
  public static Builder builder() {
    return new Builder();
  }

  /** Configures and starts a {@link QemuProcess}. */
  public static final class Builder {
    private String binary = DEFAULT_BINARY;
    private Monitor monitor = Monitor.UNIX_SOCKET;
    private final List<String> arguments = new ArrayList<>();
    private Duration startTimeout = Duration.ofSeconds(10);

    private Builder() {}

    /** The binary: a name looked up on {@code PATH}, or a path. */
    public Builder binary(String binary) {
      this.binary = Objects.requireNonNull(binary, "binary");
      return this;
    }

    /** Where the monitor listens. */
    public Builder monitor(Monitor monitor) {
      this.monitor = Objects.requireNonNull(monitor, "monitor");
      return this;
    }

    /** More command-line arguments, placed before {@code -qmp}. */
    public Builder arguments(String... arguments) {
      this.arguments.addAll(List.of(arguments));
      return this;
    }

    /** How long QEMU may take to create its socket. */
    public Builder startTimeout(Duration timeout) {
      this.startTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * Starts QEMU; with a socket monitor, waits until the socket exists.
     *
     * @throws LiveException if the binary is missing, exits at once, or does not start in time
     */
    public QemuProcess start() {
      Path exe = Executables.require(binary, "is qemu-system-x86 installed?");
      Path dir = ChildProcess.newDirectory("qapi4j-qemu-");
      Path socket = monitor == Monitor.UNIX_SOCKET ? ChildProcess.socketIn(dir, "qmp.sock") : null;
      List<String> command = new ArrayList<>(List.of(exe.toString(),
          "-machine", "none", "-nodefaults", "-display", "none"));
      command.addAll(arguments);
      command.add("-qmp");
      command.add(socket != null ? "unix:" + socket + ",server=on,wait=off" : "stdio");
      ChildProcess child = ChildProcess.start(exe.getFileName().toString(), command, dir,
          monitor == Monitor.STDIO);
      if (socket != null) {
        try {
          child.awaitSocket(socket, startTimeout);
        } catch (RuntimeException e) {
          child.close();
          throw e;
        }
      }
      return new QemuProcess(child, monitor, socket);
    }
  }

  /** The command line QEMU was started with. */
  public List<String> commandLine() {
    return child.command();
  }

  /** Where the monitor listens. */
  public Monitor monitor() {
    return monitor;
  }

  /**
   * The monitor's socket.
   *
   * @throws IllegalStateException if the monitor is on stdio
   */
  public Path socketPath() {
    if (socket == null) {
      throw new IllegalStateException("the monitor is on stdio, not on a socket");
    }
    return socket;
  }

  /** Connects a client with the default options and reads the greeting. */
  public QmpClient connect() {
    return connect(ClientOptions.defaults());
  }

  /**
   * Connects a client and reads the greeting. With a socket monitor each call is a new
   * connection (QEMU serves one at a time); with stdio there is only one.
   *
   * @throws LiveException if QEMU does not greet within the timeout or has died
   * @throws IllegalStateException on a second call with a stdio monitor
   */
  public QmpClient connect(ClientOptions options) {
    Transport transport;
    if (socket != null) {
      transport = child.connect(socket, options.timeout());
    } else {
      if (stdioTaken) {
        throw new IllegalStateException("the stdio monitor has a client already");
      }
      stdioTaken = true;
      Process p = child.process();
      transport = Transport.of(p.getInputStream(), p.getOutputStream(),
          "the stdio monitor of " + commandLine().get(0) + " (pid " + p.pid() + ")");
    }
    return QmpClient.connect(transport, options, child::state);
  }

  /** Whether QEMU is still running. */
  public boolean isAlive() {
    return child.process().isAlive();
  }

  /** Waits up to {@code timeout} for QEMU to exit by itself (after {@code quit}); whether it did. */
  public boolean awaitExit(Duration timeout) {
    return child.awaitExit(timeout);
  }

  /** The exit status, once QEMU has exited. */
  public int exitStatus() {
    return child.process().exitValue();
  }

  /** The last 4 KiB QEMU wrote on stderr. */
  public String stderr() {
    return child.stderrTail();
  }

  /** Kills QEMU if it still runs and removes its directory. */
  @Override
  public void close() {
    child.close();
  }
}
