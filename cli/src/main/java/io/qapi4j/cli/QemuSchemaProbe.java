package io.qapi4j.cli;

import io.qapi4j.model.SchemaResult;
import io.qapi4j.model.introspect.IntrospectionReader;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks a QEMU binary for its schema: starts it with {@code -machine none -nodefaults -display none
 * -qmp stdio}, negotiates capabilities, sends {@code query-qmp-schema} and {@code quit}, and reads
 * the reply. The process is killed if it has not finished within the timeout.
 */
final class QemuSchemaProbe {

  /** The binary preferred on PATH, then any other {@code qemu-system-*}. */
  static final String PREFERRED = "qemu-system-x86_64";

  private static final String COMMANDS = "{\"execute\": \"qmp_capabilities\", \"id\": 1}\n"
      + "{\"execute\": \"query-qmp-schema\", \"id\": 2}\n";
  private static final String QUIT = "{\"execute\": \"quit\", \"id\": 3}\n";

  private QemuSchemaProbe() {}

  /** The QEMU found on {@code path} (a PATH value): {@value #PREFERRED} first, or empty. */
  static Optional<Path> onPath(@Nullable String path) {
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
   * The schema of {@code binary}.
   *
   * @throws SchemaSourceException if it cannot be started, fails, or does not answer in time
   */
  static SchemaSource ask(Path binary, Duration timeout) throws SchemaSourceException {
    List<String> command = List.of(binary.toString(), "-machine", "none", "-nodefaults",
        "-display", "none", "-qmp", "stdio");
    Process process;
    try {
      process = new ProcessBuilder(command).start();
    } catch (IOException e) {
      throw new SchemaSourceException("cannot run " + binary + ": " + e.getMessage());
    }
    try {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      Thread errReader = drain(process.getErrorStream(), err);
      CompletableFuture<List<JsonNode>> replies = new CompletableFuture<>();
      Thread outReader = new Thread(() -> replies.complete(readUntilSchema(
          process.getInputStream())), "qemu-probe-reader");
      outReader.setDaemon(true);
      outReader.start();
      OutputStream in = process.getOutputStream();
      try {
        // quit only once the schema has come: QEMU may stop reading when its stdin closes.
        in.write(COMMANDS.getBytes(StandardCharsets.UTF_8));
        in.flush();
      } catch (IOException e) {
        // it died at once; its stderr says why
      }
      List<JsonNode> messages;
      try {
        messages = replies.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        throw new SchemaSourceException(binary + " did not answer query-qmp-schema within "
            + timeout.toSeconds() + " s (started as: " + String.join(" ", command) + ")");
      }
      try (in) {
        in.write(QUIT.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // gone already
      }
      process.waitFor(5, TimeUnit.SECONDS);
      errReader.join(1000);
      return schemaFrom(binary, messages, err.toString(StandardCharsets.UTF_8).strip());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaSourceException("interrupted while asking " + binary + " for its schema");
    } catch (ExecutionException e) {
      throw new SchemaSourceException("cannot read " + binary + "'s answer: " + e.getCause());
    } finally {
      process.destroyForcibly();
    }
  }

  /** The messages QEMU writes, one a line, up to the reply to query-qmp-schema or the end. */
  private static List<JsonNode> readUntilSchema(InputStream out) {
    List<JsonNode> messages = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(out,
        StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        JsonNode message;
        try {
          message = JsonMapper.shared().readTree(line);
        } catch (JacksonException e) {
          continue;
        }
        messages.add(message);
        if (message.path("id").asInt(0) == 2) {
          break;
        }
      }
    } catch (IOException e) {
      // the process went away: what was read is all there is
    }
    return messages;
  }

  private static SchemaSource schemaFrom(Path binary, List<JsonNode> messages, String stderr)
      throws SchemaSourceException {
    String version = "";
    for (JsonNode message : messages) {
      if (message.has("QMP")) {
        JsonNode qemu = message.path("QMP").path("version").path("qemu");
        version = " " + qemu.path("major").asInt() + "." + qemu.path("minor").asInt() + "."
            + qemu.path("micro").asInt();
      }
      if (message.path("id").asInt(0) == 2) {
        if (!message.has("return")) {
          throw new SchemaSourceException(binary + " refused query-qmp-schema: "
              + message.path("error").path("desc").asString(message.toString()));
        }
        SchemaResult result = IntrospectionReader.read(message, binary.toString());
        if (!result.ok()) {
          throw new SchemaSourceException(binary + " gave a schema that cannot be read: "
              + result.errors().get(0).text());
        }
        return new SchemaSource(result.orElseThrow(), "QEMU" + version + " (" + binary
            + ", asked with query-qmp-schema)");
      }
    }
    throw new SchemaSourceException(binary + " gave no reply to query-qmp-schema"
        + (stderr.isEmpty() ? "" : ": " + firstLine(stderr)));
  }

  private static String firstLine(String text) {
    int cut = text.indexOf('\n');
    return cut < 0 ? text : text.substring(0, cut);
  }

  private static Thread drain(InputStream in, ByteArrayOutputStream into) {
    Thread t = new Thread(() -> {
      try (in) {
        in.transferTo(into);
      } catch (IOException e) {
        // the process went away; what was read is kept
      }
    }, "qemu-probe-reader");
    t.setDaemon(true);
    t.start();
    return t;
  }
}
