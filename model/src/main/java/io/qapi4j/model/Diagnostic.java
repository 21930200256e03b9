package io.qapi4j.model;

import org.jspecify.annotations.Nullable;

/**
 * A problem found in a schema: an error (the schema is rejected) or a warning (compat dialect:
 * obsolete syntax that some QEMU release accepted).
 *
 * <p>{@link #text()} renders it exactly as QEMU's {@code qapi-gen} does:
 *
 * <pre>
 * In file included from qapi/qapi-schema.json:53:
 * qapi/block-core.json: In struct 'Foo':
 * qapi/block-core.json:12: member 'a' collides with member 'a' of type 'Base'
 * </pre>
 *
 * @param severity error or warning
 * @param location where; the column is set only for lexical and syntax errors
 * @param definition the definition being checked, as {@code struct 'Foo'}, or {@code null}
 * @param message the message, possibly several lines
 */
public record Diagnostic(
    Severity severity, SourceLocation location, @Nullable String definition, String message) {

  /** How bad a diagnostic is. */
  public enum Severity {
    /** The schema is rejected. */
    ERROR,
    /** Accepted, but obsolete or questionable. */
    WARNING
  }

  /** An error at {@code location} outside any definition. */
  public static Diagnostic error(SourceLocation location, String message) {
    return new Diagnostic(Severity.ERROR, location, null, message);
  }

  /** An error at {@code location} while checking {@code definition} ({@code struct 'Foo'}). */
  public static Diagnostic error(SourceLocation location, @Nullable String definition, String message) {
    return new Diagnostic(Severity.ERROR, location, definition, message);
  }

  /** A warning at {@code location}. */
  public static Diagnostic warning(SourceLocation location, @Nullable String definition, String message) {
    return new Diagnostic(Severity.WARNING, location, definition, message);
  }

  /** Whether this is an error. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * The full QEMU-style message block: the include chain (outermost first), the {@code FILE: In META
   * 'NAME':} line when inside a definition, then {@code FILE:LINE[:COL]: MESSAGE}. Warnings put
   * {@code warning: } before the message.
   *
   * <p>A diagnostic whose location has no line (line 0) is not about a position in a file, like
   * QEMU's location-less {@code QAPIError} for an unreadable root schema file: it renders as the
   * bare message, exactly as QEMU prints it.
   */
  public String text() {
    StringBuilder out = new StringBuilder();
    if (location.line() == 0 && definition == null) {
      // Not about a place in a file ("can't read schema file ..."): QEMU prints the bare message.
      return severity == Severity.WARNING ? "warning: " + message : message;
    }
    out.append(includePath(location));
    if (definition != null) {
      out.append(location.file()).append(": In ").append(definition).append(":\n");
    }
    if (location.line() > 0) {
      out.append(location).append(": ");
    }
    if (severity == Severity.WARNING) {
      out.append("warning: ");
    }
    return out.append(message).toString();
  }

  /** The {@code In file included from F:L:} lines leading to {@code location}, outermost first. */
  public static String includePath(SourceLocation location) {
    String path = "";
    for (SourceLocation p = location.includedFrom(); p != null; p = p.includedFrom()) {
      path = "In file included from " + p.file() + ":" + p.line() + ":\n" + path;
    }
    return path;
  }

  @Override
  public String toString() {
    return text();
  }
}
