package io.qapi4j.validator.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A guest agent listening on a Unix socket in a temporary directory:
 *
 * <pre>qemu-ga -m unix-listen -p DIR/qga.sock -t DIR/state -f DIR/qemu-ga.pid -b RPC,RPC,...</pre>
 *
 * <p><b>The agent runs on this host, with this JVM's privileges</b> — as root, it could shut the
 * machine down. So every RPC that changes the machine ({@link #HOST_CHANGING_RPCS}) is always
 * blocked, whatever else the builder blocks: even a mistaken request is refused. Closing it kills
 * the agent and removes the directory; so does the JVM's exit.
 */
public final class GuestAgentProcess implements AutoCloseable {

  /** The binary started unless told otherwise (found on {@code PATH} or in the sbin folders). */
  public static final String DEFAULT_BINARY = "qemu-ga";

  /**
   * The RPCs of qemu-ga 7.2 that change the host or run programs on it, always blocked: power,
   * filesystem freeze and trim, clock, passwords, CPUs and memory on- and offlining, SSH keys,
   * and {@code guest-exec}.
   */
  public static final List<String> HOST_CHANGING_RPCS = List.of(
      "guest-shutdown", "guest-suspend-disk", "guest-suspend-ram", "guest-suspend-hybrid",
      "guest-fsfreeze-freeze", "guest-fsfreeze-freeze-list", "guest-fsfreeze-thaw",
      "guest-fstrim", "guest-set-time", "guest-set-user-password", "guest-set-vcpus",
      "guest-set-memory-blocks", "guest-ssh-add-authorized-keys",
      "guest-ssh-remove-authorized-keys", "guest-exec");

  private final ChildProcess child;
  private final Path socket;
  private final Path stateDirectory;
  private final List<String> blocked;

  private GuestAgentProcess(ChildProcess child, Path socket, Path stateDirectory,
      List<String> blocked) {
    this.child = child;
    this.socket = socket;
    this.stateDirectory = stateDirectory;
    this.blocked = blocked;
  }

  /** A builder: {@value #DEFAULT_BINARY}, the host-changing RPCs blocked, 10 s to start. */
  public static Builder builder() {
    return new Builder();
  }

  /** Configures and starts a {@link GuestAgentProcess}. */
  public static final class Builder {
    private String binary = DEFAULT_BINARY;
    private final Set<String> blocked = new LinkedHashSet<>(HOST_CHANGING_RPCS);
    private Duration startTimeout = Duration.ofSeconds(10);

    private Builder() {}

    /** The binary: a name looked up on {@code PATH} and in the sbin folders, or a path. */
    public Builder binary(String binary) {
      this.binary = Objects.requireNonNull(binary, "binary");
      return this;
    }

    /** Blocks these RPCs too (beyond {@link #HOST_CHANGING_RPCS}, which are always blocked). */
    public Builder block(String... rpcs) {
      blocked.addAll(List.of(rpcs));
      return this;
    }

    /** How long the agent may take to create its socket. */
    public Builder startTimeout(Duration timeout) {
      this.startTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * Starts the agent and waits until its socket exists.
     *
     * @throws LiveException if the binary is missing, exits at once, or does not start in time
     */
    public GuestAgentProcess start() {
      Path exe = Executables.require(binary, "is qemu-guest-agent installed?");
      Path dir = ChildProcess.newDirectory("qapi4j-qga-");
      Path socket = ChildProcess.socketIn(dir, "qga.sock");
      Path state = dir.resolve("state").toAbsolutePath();
      List<String> rpcs = List.copyOf(blocked);
      List<String> command = new ArrayList<>(List.of(exe.toString(), "-m", "unix-listen",
          "-p", socket.toString(), "-t", state.toString(),
          "-f", dir.resolve("qemu-ga.pid").toAbsolutePath().toString(),
          "-b", String.join(",", rpcs)));
      try {
        Files.createDirectories(state);
      } catch (IOException e) {
        ChildProcess.deleteTree(dir);
        throw new LiveException("cannot create " + state + ": " + e.getMessage(), e);
      }
      ChildProcess child = ChildProcess.start(exe.getFileName().toString(), command, dir, false);
      try {
        child.awaitSocket(socket, startTimeout);
      } catch (RuntimeException e) {
        child.close();
        throw e;
      }
      return new GuestAgentProcess(child, socket, state, rpcs);
    }
  }

  /** The command line the agent was started with. */
  public List<String> commandLine() {
    return child.command();
  }

  /** The agent's socket. */
  public Path socketPath() {
    return socket;
  }

  /** The agent's state directory ({@code -t}). */
  public Path stateDirectory() {
    return stateDirectory;
  }

  /** The RPCs blocked ({@code -b}). */
  public List<String> blockedRpcs() {
    return blocked;
  }

  /** Connects a client with the default options (call {@link QgaClient#sync()} next). */
  public QgaClient connect() {
    return connect(ClientOptions.defaults());
  }

  /** Connects a client (call {@link QgaClient#sync()} next). */
  public QgaClient connect(ClientOptions options) {
    return QgaClient.connect(child.connect(socket, options.timeout()), options, child::state);
  }

  /** Whether the agent is still running. */
  public boolean isAlive() {
    return child.process().isAlive();
  }

  /** The last 4 KiB the agent wrote on stderr. */
  public String stderr() {
    return child.stderrTail();
  }

  /** Kills the agent and removes its directory. */
  @Override
  public void close() {
    child.close();
  }
}
