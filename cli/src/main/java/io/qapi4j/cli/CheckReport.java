package io.qapi4j.cli;

import io.qapi4j.model.SchemaResult;
import io.qapi4j.model.parse.Dialect;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@code qapi4j check} found: the reader's result, or the I/O error that kept the root schema
 * file from being read at all.
 *
 * @param schemaPath the root schema's path string, as messages show it
 * @param dialect the dialect it was checked by
 * @param errors the errors, first found first
 * @param warnings the warnings
 * @param summary the definitions that were read, per module and kind (of the whole schema when it
 *     is clean, of the definitions that checked clean otherwise)
 * @param rootUnreadable whether the root file could not be read (an I/O error, not a finding)
 */
public record CheckReport(
    String schemaPath,
    Dialect dialect,
    List<Finding> errors,
    List<Finding> warnings,
    DefinitionSummary summary,
    boolean rootUnreadable) {

  /** Copies the lists. */
  public CheckReport {
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
  }

  /**
   * The report on {@code result}; {@code rootFailure} is the OS error text when the root file
   * could not be read.
   */
  public static CheckReport of(
      String schemaPath, Dialect dialect, SchemaResult result, @Nullable String rootFailure) {
    List<Finding> warnings = result.warnings().stream().map(Finding::of).toList();
    DefinitionSummary summary = DefinitionSummary.of(result.partialSchema());
    if (rootFailure != null) {
      return new CheckReport(schemaPath, dialect,
          List.of(Finding.unreadableRoot(schemaPath, rootFailure)), warnings, summary, true);
    }
    List<Finding> errors = result.errors().stream().map(Finding::of).toList();
    if (errors.isEmpty() && !result.ok()) {
      String message = "no schema could be read";
      errors = List.of(new Finding(schemaPath, 0, 0, message, schemaPath + ": " + message));
    }
    return new CheckReport(schemaPath, dialect, errors, warnings, summary, false);
  }

  /** Whether the schema is clean: read, and no errors (warnings allowed). */
  public boolean ok() {
    return errors.isEmpty();
  }

  /** Whether the schema is clean but defines nothing (QEMU accepts an empty schema). */
  public boolean empty() {
    return ok() && summary.total().sum() == 0;
  }

  /** 0 clean, 1 schema errors, 2 the root file could not be read. */
  public int exitCode() {
    if (rootUnreadable) {
      return ExitCode.ERROR;
    }
    return ok() ? ExitCode.CLEAN : ExitCode.FINDINGS;
  }

  /** The dialect's name as reports print it: {@code compat} or {@code strict}. */
  public String dialectName() {
    return dialect == Dialect.STRICT ? "strict" : "compat";
  }
}
