package io.qapi4j.model;

import org.jspecify.annotations.Nullable;

/**
 * Where something was written: a file as it was opened, a 1-based line, an optional 1-based column
 * (0 when only the line is known) and the location of the {@code include} directive that brought
 * the file in ({@code null} for the root file).
 *
 * <p>For a schema built by the DSL the location is the Java or Kotlin call site.
 *
 * @param file the path of the file as it was opened, or a source file name for DSL call sites
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column (QEMU's tab rule applies), or 0 when unknown
 * @param includedFrom the include directive that brought {@code file} in, or {@code null}
 */
public record SourceLocation(String file, int line, int column, @Nullable SourceLocation includedFrom) {

  /** A location for things that were not written anywhere: built-in types, predefined types. */
  public static final SourceLocation BUILTIN = new SourceLocation("./builtin", 0, 0, null);

  /** Returns the location of line {@code line} (no column) in {@code file}, not included. */
  public static SourceLocation of(String file, int line) {
    return new SourceLocation(file, line, 0, null);
  }

  /** Returns this location with {@code column}. */
  public SourceLocation withColumn(int column) {
    return new SourceLocation(file, line, column, includedFrom);
  }

  /** Returns this location without a column. */
  public SourceLocation withoutColumn() {
    return column == 0 ? this : new SourceLocation(file, line, 0, includedFrom);
  }

  /** {@code FILE:LINE} or {@code FILE:LINE:COL}, as QEMU prints it. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(file);
    if (line > 0) {
      out.append(':').append(line);
      if (column > 0) {
        out.append(':').append(column);
      }
    }
    return out.toString();
  }
}
