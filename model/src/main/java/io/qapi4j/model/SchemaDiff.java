package io.qapi4j.model;

import java.util.Comparator;
import java.util.List;

/**
 * Compares two schemas structurally and lists their differences in words, e.g.
 * {@code struct 'Foo' members[2].type: 'int' != 'str'}; no difference means the schemas are
 * equal. Immutable and thread-safe.
 *
 * <pre>{@code
 * List<String> differences = SchemaDiff.builder().ignoreDocs(true).build().compare(old, now);
 * }</pre>
 *
 * <p>It compares every definition, implicit ones included, in order; the array types; and the
 * pragmas. Definitions are compared generically, component by component of their records, so a
 * component added to the model later is compared without changes here. Where a definition embeds
 * another (a base, a command's arguments, a union's tag enum) only the embedded definition's
 * name is compared there, since it is compared in full as a definition of its own. Lists of named
 * things (members, values, branches, features, definitions) are matched by name, so that a
 * dropped value is reported once rather than as a shift of every value after it.
 *
 * <p>Source locations and modules (where things were written) are never compared; documentation
 * is compared unless {@linkplain Builder#ignoreDocs(boolean) ignored}.
 */
public final class SchemaDiff {

  private final boolean ignoreDocs;

  private SchemaDiff(Builder builder) {
    this.ignoreDocs = builder.ignoreDocs;
  }

  /** A builder; by default documentation is compared. */
  public static Builder builder() {
    return new Builder();
  }

  /** The differences between {@code expected} and {@code actual}, documentation included. */
  public static List<String> differences(Schema expected, Schema actual) {
    return builder().build().compare(expected, actual);
  }

  /**
   * The differences between {@code expected} and {@code actual}, each one line of text
   * ({@code PATH: EXPECTED != ACTUAL}, or a missing or extra name); empty when they are equal.
   */
  public List<String> compare(Schema expected, Schema actual) {
    StructuralComparison comparison = new StructuralComparison(ignoreDocs);
    comparison.compareList("definitions", expected.entities(), actual.entities());
    comparison.compareList("array types", arrays(expected), arrays(actual));
    comparison.compare("pragmas", expected.pragmas(), actual.pragmas());
    return comparison.differences();
  }

  /** Whether documentation is left out of the comparison. */
  public boolean ignoresDocs() {
    return ignoreDocs;
  }

  private static List<ArrayType> arrays(Schema schema) {
    return schema.types().values().stream()
        .filter(ArrayType.class::isInstance)
        .map(ArrayType.class::cast)
        .sorted(Comparator.comparing(ArrayType::name))
        .toList();
  }

  /** Configures a {@link SchemaDiff}. */
  public static final class Builder {
    private boolean ignoreDocs;

    private Builder() {}

    /** Whether to leave documentation comments out of the comparison (default {@code false}). */
    public Builder ignoreDocs(boolean ignoreDocs) {
      this.ignoreDocs = ignoreDocs;
      return this;
    }

    /** The comparison. */
    public SchemaDiff build() {
      return new SchemaDiff(this);
    }
  }
}
