package io.qapi4j.model;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of reading or building a schema: the schema when there were no errors, and every
 * diagnostic found (errors first-found first, then warnings).
 *
 * <pre>{@code
 * SchemaResult result = SchemaReader.strict().read(Path.of("qapi/qapi-schema.json"));
 * if (!result.ok()) {
 *   result.errors().forEach(e -> System.err.println(e.text()));
 * }
 * Schema schema = result.orElseThrow();
 * }</pre>
 *
 * @param partialSchema what could be built: the whole schema when {@link #ok()}, otherwise the
 *     definitions that checked clean (for tools that report as much as they can), or {@code null}
 *     when not even the syntax could be read
 * @param errors the errors, in the order QEMU's front end would meet them (QEMU stops at the
 *     first)
 * @param warnings the warnings (compat dialect: obsolete syntax)
 */
public record SchemaResult(
    @Nullable Schema partialSchema, List<Diagnostic> errors, List<Diagnostic> warnings) {

  public SchemaResult {
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
  }

  /** Whether there are no errors. */
  public boolean ok() {
    return errors.isEmpty() && partialSchema != null;
  }

  /** The schema, if there were no errors. */
  public Optional<Schema> schema() {
    return ok() ? Optional.of(partialSchema) : Optional.empty();
  }

  /** The schema, or an exception listing every error. */
  public Schema orElseThrow() {
    if (!ok()) {
      throw new SchemaException(this);
    }
    return partialSchema;
  }

  /** All diagnostics, errors first. */
  public List<Diagnostic> diagnostics() {
    return java.util.stream.Stream.concat(errors.stream(), warnings.stream()).toList();
  }

  /** Thrown by {@link #orElseThrow()}: the schema has errors. */
  public static final class SchemaException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient SchemaResult result;

    SchemaException(SchemaResult result) {
      super(result.errors().isEmpty() ? "no schema"
          : result.errors().stream().map(Diagnostic::text).collect(Collectors.joining("\n")));
      this.result = result;
    }

    /** The result with the errors. */
    public SchemaResult result() {
      return result;
    }
  }
}
