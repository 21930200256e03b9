package io.qapi4j.cli;

import io.qapi4j.model.Diagnostic;
import io.qapi4j.model.SchemaResult;
import io.qapi4j.model.introspect.IntrospectionReader;
import io.qapi4j.model.read.SchemaReader;
import io.qapi4j.validator.capture.CaptureReader;
import io.qapi4j.validator.capture.EmbeddedSchema;
import io.qapi4j.validator.live.LiveException;
import io.qapi4j.validator.live.QemuIntrospection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where {@code validate} gets its schema, in this order: {@code --schema} (a QAPI schema file, read
 * by the compat dialect); {@code --introspection} (a {@code query-qmp-schema} reply or a bare
 * SchemaInfo array); the {@code query-qmp-schema} reply inside the capture itself; {@code
 * --qemu-binary} (asked live); a {@code qemu-system-*} on PATH (asked the same way); the schema
 * bundled with qapi4j: QEMU 7.2's introspection ({@value BundledSchemas#QMP_INTROSPECTION}), or
 * with {@code --qga} the seed {@value #QGA}. QGA has no introspection: with {@code --qga} only the
 * first two and the bundled schema count.
 */
final class ValidateSchemas {

  /** The bundled guest-agent schema. */
  static final String QGA = "004-qga-qapi-schema.json";

  static final Duration QEMU_TIMEOUT = Duration.ofSeconds(30);

  private final boolean qga;
  private final @Nullable Path qemuBinary;
  private final boolean searchPath;
  private @Nullable SchemaSource fallback;

  ValidateSchemas(boolean qga, @Nullable Path qemuBinary, boolean searchPath) {
    this.qga = qga;
    this.qemuBinary = qemuBinary;
    this.searchPath = searchPath;
  }

  /** The schema of a QAPI schema file ({@code --schema}). */
  static SchemaSource fromSchemaFile(Path file) throws SchemaSourceException {
    if (!Files.isRegularFile(file)) {
      throw new SchemaSourceException("--schema " + file + ": no such file");
    }
    SchemaResult result = SchemaReader.compat().read(file);
    return fromResult(result, "--schema " + file, "schema file " + file);
  }

  /** The schema of a {@code query-qmp-schema} reply or a SchemaInfo array (--introspection). */
  static SchemaSource fromIntrospection(Path file) throws SchemaSourceException {
    JsonNode json;
    try {
      json = JsonMapper.shared().readTree(file.toFile());
    } catch (JacksonException e) {
      throw new SchemaSourceException("--introspection " + file + ": not JSON: "
          + e.getOriginalMessage());
    }
    if (json == null || json.isMissingNode()) {
      throw new SchemaSourceException("--introspection " + file + ": empty file");
    }
    return fromResult(IntrospectionReader.read(json, file.toString()), "--introspection " + file,
        "introspection " + file);
  }

  private static SchemaSource fromResult(SchemaResult result, String option, String description)
      throws SchemaSourceException {
    if (!result.ok()) {
      StringBuilder message = new StringBuilder(option).append(": the schema has errors");
      result.errors().stream().limit(5).map(Diagnostic::text)
          .forEach(t -> message.append('\n').append(t));
      throw new SchemaSourceException(message.toString());
    }
    return new SchemaSource(result.orElseThrow(), description);
  }

  /**
   * The schema the capture {@code file} holds (its {@code query-qmp-schema} reply), if any; a
   * broken one is reported through {@code warn} and passed over.
   */
  Optional<SchemaSource> embedded(Path file, java.util.function.Consumer<String> warn)
      throws IOException {
    if (qga) {
      return Optional.empty();
    }
    try (CaptureReader reader = CaptureReader.open(file)) {
      EmbeddedSchema.Found found = EmbeddedSchema.find(reader);
      if (found == null) {
        return Optional.empty();
      }
      if (!found.result().ok()) {
        warn.accept("the query-qmp-schema reply at " + file + ":" + found.line()
            + " cannot be read, not using it: " + found.result().errors().get(0).text());
        return Optional.empty();
      }
      return Optional.of(new SchemaSource(found.result().orElseThrow(),
          "the capture's own query-qmp-schema reply (line " + found.line() + ", "
              + found.entries() + " entries)"));
    }
  }

  /**
   * The schema for captures that hold none: {@code --qemu-binary}, else a QEMU on PATH (unless
   * disabled; one that fails is reported through {@code warn} and passed over), else the bundled
   * one (for QMP, QEMU 7.2's introspection). Asked once.
   *
   * @throws SchemaSourceException if {@code --qemu-binary} fails
   */
  SchemaSource fallback(java.util.function.Consumer<String> warn) throws SchemaSourceException {
    if (fallback == null) {
      fallback = computeFallback(warn);
    }
    return fallback;
  }

  /**
   * The schema {@code binary} answers {@code query-qmp-schema} with.
   *
   * @throws SchemaSourceException if it cannot be run, does not answer, or answers with no
   *     readable schema
   */
  static SchemaSource askQemu(Path binary) throws SchemaSourceException {
    QemuIntrospection.Answer answer;
    try {
      answer = QemuIntrospection.querySchema(binary.toString(), QEMU_TIMEOUT);
    } catch (LiveException e) {
      throw new SchemaSourceException(e.getMessage());
    }
    SchemaResult result = IntrospectionReader.read(answer.schemaInfo(), binary.toString());
    if (!result.ok()) {
      throw new SchemaSourceException(binary + " gave a schema that cannot be read: "
          + result.errors().get(0).text());
    }
    return new SchemaSource(result.orElseThrow(), "QEMU"
        + (answer.version().isEmpty() ? "" : " " + answer.version()) + " (" + binary
        + ", asked with query-qmp-schema)");
  }

  private SchemaSource computeFallback(java.util.function.Consumer<String> warn)
      throws SchemaSourceException {
    if (!qga && qemuBinary != null) {
      return askQemu(qemuBinary);
    }
    if (!qga && searchPath) {
      Optional<Path> qemu = QemuIntrospection.qemuOnPath(System.getenv("PATH"));
      if (qemu.isPresent()) {
        try {
          return askQemu(qemu.get());
        } catch (SchemaSourceException e) {
          warn.accept(e.getMessage() + "; using " + BundledSchemas.QMP_INTROSPECTION_DESCRIPTION);
        }
      }
    }
    if (qga) {
      SchemaResult result = SchemaReader.compat().withLoader(BundledSchemas.loader())
          .read(BundledSchemas.path(QGA));
      return fromResult(result, "bundled " + QGA, "the bundled guest-agent schema " + QGA);
    }
    String option = "bundled " + BundledSchemas.QMP_INTROSPECTION;
    try {
      return fromResult(BundledSchemas.qmpIntrospection(), option,
          BundledSchemas.QMP_INTROSPECTION_DESCRIPTION);
    } catch (IOException e) {
      throw new SchemaSourceException(option + ": cannot be read (is the installation complete?): "
          + e.getMessage());
    }
  }
}
