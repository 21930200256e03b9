package io.qapi4j.model.read;

import io.qapi4j.model.SchemaResult;
import io.qapi4j.model.check.SchemaChecker;
import io.qapi4j.model.parse.Dialect;
import io.qapi4j.model.parse.SchemaParser;
import io.qapi4j.model.parse.SourceLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads a QAPI schema (a root file and everything it includes) into the model, checking it like
 * QEMU's front end. Immutable and thread-safe.
 *
 * <pre>{@code
 * // Any QEMU release's schema, 1.0 to today; obsolete syntax comes back as warnings.
 * SchemaResult result = SchemaReader.compat().read(Path.of("qapi/qapi-schema.json"));
 * Schema schema = result.orElseThrow();
 *
 * // Today's rules and messages, exactly as qapi-gen reports them.
 * SchemaReader.strict().read(path).errors().forEach(e -> System.err.println(e.text()));
 * }</pre>
 */
public final class SchemaReader {

  private final Dialect dialect;
  private final SourceLoader loader;

  private SchemaReader(Dialect dialect, SourceLoader loader) {
    this.dialect = dialect;
    this.loader = loader;
  }

  /** A reader that accepts the schema language of every QEMU release (the default). */
  public static SchemaReader compat() {
    return new SchemaReader(Dialect.COMPAT, SourceLoader.fileSystem());
  }

  /** A reader with the current QEMU front end's rules and messages. */
  public static SchemaReader strict() {
    return new SchemaReader(Dialect.STRICT, SourceLoader.fileSystem());
  }

  /** A reader for {@code dialect}. */
  public static SchemaReader of(Dialect dialect) {
    return new SchemaReader(dialect, SourceLoader.fileSystem());
  }

  /** This reader, loading files through {@code loader} (e.g. in-memory sources). */
  public SchemaReader withLoader(SourceLoader loader) {
    return new SchemaReader(dialect, loader);
  }

  /** The dialect this reader checks by. */
  public Dialect dialect() {
    return dialect;
  }

  /** Reads the schema whose root file is {@code root}. */
  public SchemaResult read(Path root) {
    return read(root.toString());
  }

  /**
   * Reads the schema whose root file is {@code root}, a path string shown unchanged in messages
   * (as QEMU shows the path it was given).
   */
  public SchemaResult read(String root) {
    SchemaParser.Result parsed = SchemaParser.parse(root, dialect, loader);
    if (parsed instanceof SchemaParser.Result.Failed failed) {
      return new SchemaResult(null, List.of(failed.error()), failed.warnings());
    }
    return SchemaChecker.check(((SchemaParser.Result.Parsed) parsed).schema(), dialect);
  }

  /** Reads schema text that never was a file; {@code name} is the name messages use. */
  public SchemaResult readText(String name, String text) {
    return withLoader(SourceLoader.inMemory(Map.of(name, text))).read(name);
  }
}
