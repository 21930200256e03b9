package io.qapi4j.validator.live;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Asks a QEMU binary for its schema: starts it with its monitor on stdio, negotiates, runs {@code
 * query-qmp-schema}, quits, and cleans up — the schema source of {@code qapi4j validate
 * --qemu-binary} and of the QEMU found on {@code PATH}.
 *
 * <pre>{@code
 * QemuIntrospection.Answer answer = QemuIntrospection.querySchema("qemu-system-x86_64",
 *     Duration.ofSeconds(30));
 * Schema schema = IntrospectionReader.read(answer.schemaInfo(), "qemu-system-x86_64").orElseThrow();
 * }</pre>
 */
public final class QemuIntrospection {

  /** The binary preferred on {@code PATH}, before any other {@code qemu-system-*}. */
  public static final String PREFERRED = QemuProcess.DEFAULT_BINARY;

  private QemuIntrospection() {}

  /**
   * What a QEMU answered.
   *
   * @param schemaInfo the SchemaInfo array of its {@code query-qmp-schema} reply
   * @param version its version from the greeting ({@code 7.2.22}), or empty when it gave none
   */
  public record Answer(JsonNode schemaInfo, String version) {}

  /**
   * The QEMU on {@code path} (a {@code PATH} value): {@value #PREFERRED} first, else the first
   * {@code qemu-system-*} in name order of the first folder that has one; empty when there is
   * none.
   */
  public static Optional<Path> qemuOnPath(@Nullable String path) {
    if (path == null || path.isEmpty()) {
      return Optional.empty();
    }
    List<Path> others = new ArrayList<>();
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path preferred = Path.of(dir, PREFERRED);
      if (Files.isRegularFile(preferred) && Files.isExecutable(preferred)) {
        return Optional.of(preferred);
      }
      try (Stream<Path> files = Files.list(Path.of(dir))) {
        files.filter(f -> f.getFileName().toString().startsWith("qemu-system-"))
            .filter(f -> Files.isRegularFile(f) && Files.isExecutable(f))
            .sorted()
            .forEach(others::add);
      } catch (IOException | RuntimeException e) {
        // an unreadable PATH entry holds nothing for us
      }
    }
    return others.stream().findFirst();
  }

  /**
   * Asks {@code binary} for its schema.
   *
   * @param binary a name looked up on {@code PATH}, or a path
   * @param timeout for starting and for each reply
   * @throws LiveException if the binary cannot be run ("cannot run BIN: ..."), gives no reply
   *     ("BIN gave no reply to query-qmp-schema: FIRST LINE OF ITS STDERR"), does not answer in
   *     time ("BIN did not answer query-qmp-schema within N s (started as: ...)"), refuses ("BIN
   *     refused query-qmp-schema: ...") or does not answer with an array
   */
  public static Answer querySchema(String binary, Duration timeout) {
    try (QemuProcess qemu = QemuProcess.builder().binary(binary)
        .monitor(QemuProcess.Monitor.STDIO).startTimeout(timeout).start()) {
      Reply negotiation;
      Reply reply;
      JsonNode greeting;
      try (QmpClient qmp = qemu.connect(ClientOptions.defaults().withTimeout(timeout))) {
        greeting = qmp.greeting().json();
        negotiation = qmp.execute("qmp_capabilities");
        reply = negotiation.isError() ? negotiation : qmp.execute("query-qmp-schema");
        if (reply.result() != null && reply.result().isArray()) {
          quit(qmp);
        }
      } catch (LiveException e) {
        throw failure(binary, qemu, timeout, e);
      }
      if (reply.isError()) {
        throw new LiveException(binary + " refused " + reply.command() + ": "
            + reply.errorDescription());
      }
      JsonNode info = reply.result();
      if (info == null || !info.isArray()) {
        throw new LiveException(binary + " did not answer query-qmp-schema with a SchemaInfo"
            + " array: " + abbreviate(reply.message().text()));
      }
      return new Answer(info, version(greeting));
    }
  }

  private static void quit(QmpClient qmp) {
    try {
      qmp.execute("quit");
    } catch (LiveException exitedFirst) {
      // QEMU may close the monitor before its reply to quit gets out; the schema is in hand.
    }
  }

  /** {@code e} said in terms of the question asked: the process's state tells what happened. */
  private static LiveException failure(String binary, QemuProcess qemu, Duration timeout,
      LiveException e) {
    // A process that closed its stdout is about to be reaped: give it a moment to say it exited.
    if (!qemu.awaitExit(Duration.ofSeconds(1))) {
      return new LiveException(binary + " did not answer query-qmp-schema within "
          + timeout.toSeconds() + " s (started as: " + String.join(" ", qemu.commandLine())
          + ")", e);
    }
    String stderr = qemu.stderr().strip();
    int cut = stderr.indexOf('\n');
    return new LiveException(binary + " gave no reply to query-qmp-schema"
        + (stderr.isEmpty() ? "" : ": " + (cut < 0 ? stderr : stderr.substring(0, cut))), e);
  }

  /** {@code major.minor.micro} of a greeting, or empty. */
  private static String version(@Nullable JsonNode greeting) {
    JsonNode qemu = greeting == null ? null : greeting.path("QMP").path("version").path("qemu");
    if (qemu == null || !qemu.isObject()) {
      return "";
    }
    return qemu.path("major").asInt() + "." + qemu.path("minor").asInt() + "."
        + qemu.path("micro").asInt();
  }

  private static String abbreviate(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "...";
  }
}
