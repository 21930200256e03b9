package io.qapi4j.cli;

import io.qapi4j.model.parse.Dialect;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Which schema a command reads and by which rules: the {@code SCHEMA} file, or {@code --bundled
 * NAME}, or by default the bundled {@value BundledSchemas#DEFAULT}; and {@code --strict}.
 */
public final class SchemaOptions {

  @Spec(Spec.Target.MIXEE)
  private @Nullable CommandSpec command;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "SCHEMA",
      description = "The root schema file (e.g. qapi/qapi-schema.json); its includes follow."
          + " Default: the bundled " + BundledSchemas.DEFAULT + ".")
  private @Nullable String schemaFile;

  @Option(
      names = "--bundled",
      paramLabel = "NAME",
      description = "Read a schema bundled with qapi4j instead of a file (listed below; a unique"
          + " prefix such as 003 is enough).")
  private @Nullable String bundledName;

  @Option(
      names = "--strict",
      description = "Apply the current QEMU front end's rules and messages (documentation"
          + " comments included). Default: the compat dialect, which accepts the syntax of every"
          + " QEMU release and reports obsolete syntax as warnings.")
  private boolean strict;

  /** The dialect chosen: strict with {@code --strict}, else compat. */
  public Dialect dialect() {
    return strict ? Dialect.STRICT : Dialect.COMPAT;
  }

  /**
   * The schema to read.
   *
   * @throws ParameterException for a usage error: both a file and {@code --bundled}, or an unknown
   *     or ambiguous bundled name
   */
  public SchemaInput input() {
    if (schemaFile != null && bundledName != null) {
      throw usageError("give either SCHEMA or --bundled, not both");
    }
    if (schemaFile != null) {
      return SchemaInput.file(schemaFile);
    }
    if (bundledName == null) {
      return SchemaInput.bundled(BundledSchemas.DEFAULT);
    }
    List<String> matches = BundledSchemas.matching(bundledName);
    if (matches.size() == 1) {
      return SchemaInput.bundled(matches.get(0));
    }
    String known = String.join(", ", matches.isEmpty() ? BundledSchemas.names() : matches);
    throw usageError((matches.isEmpty() ? "no bundled schema '" : "ambiguous bundled schema '")
        + bundledName + "' (bundled: " + known + ")");
  }

  private ParameterException usageError(String message) {
    if (command == null) {
      throw new IllegalStateException("SchemaOptions used outside a picocli command");
    }
    return new ParameterException(command.commandLine(), message);
  }
}
