package io.qapi4j.validator;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the two engines said about one message, and how to show it: the verdicts, and the errors
 * as {@code CODE pointer [path]} lines (networknt's message texts are its own, so they are shown
 * but not compared).
 */
record EngineComparison(ValidationResult nativeResult, ValidationResult schemaResult) {

  /** Whether both engines give the same verdict. */
  boolean sameVerdict() {
    return nativeResult.valid() == schemaResult.valid();
  }

  /** Whether both engines report the same errors by code, pointer and path. */
  boolean sameErrors() {
    return errors(nativeResult).equals(errors(schemaResult));
  }

  /** The errors of a result as sorted {@code CODE pointer [path]} lines. */
  static Set<String> errors(ValidationResult r) {
    Set<String> out = new TreeSet<>();
    for (Violation v : r.errors()) {
      out.add(line(v));
    }
    return out;
  }

  /** One violation as {@code CODE pointer [path]}. */
  static String line(Violation v) {
    return v.code() + " " + (v.pointer().isEmpty() ? "/" : v.pointer()) + " [" + v.path() + "]";
  }

  /** Both results in full, for a failure message. */
  String describe() {
    return "\n  native:      " + full(nativeResult) + "\n  json-schema: " + full(schemaResult);
  }

  private static String full(ValidationResult r) {
    List<String> lines = r.violations().stream()
        .map(v -> line(v) + " " + v.severity() + ": " + v.message()).toList();
    return (r.valid() ? "valid" : "INVALID") + " " + r.kind() + " " + r.name()
        + (lines.isEmpty() ? "" : "\n      " + String.join("\n      ", lines));
  }
}
