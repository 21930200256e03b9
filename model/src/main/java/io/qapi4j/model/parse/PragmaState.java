package io.qapi4j.model.parse;

import io.qapi4j.model.Diagnostic;
import io.qapi4j.model.Pragmas;
import io.qapi4j.model.SourceLocation;
import io.qapi4j.model.parse.QValue.QBool;
import io.qapi4j.model.parse.QValue.QList;
import io.qapi4j.model.parse.QValue.QString;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The schema-wide pragma values while parsing; a later pragma of a kind replaces the earlier. */
final class PragmaState {
  private boolean docRequired;
  private List<String> commandNameExceptions = List.of();
  private List<String> commandReturnsExceptions = List.of();
  private List<String> documentationExceptions = List.of();
  private List<String> memberNameExceptions = List.of();

  void set(String name, QValue value, SourceLocation info, Dialect dialect,
      Consumer<Diagnostic> warnings) {
    String key = name;
    if (dialect == Dialect.COMPAT) {
      String renamed = switch (name) {
        case "returns-whitelist" -> "command-returns-exceptions";
        case "name-case-whitelist" -> "member-name-exceptions";
        default -> name;
      };
      if (!renamed.equals(name)) {
        warnings.accept(Diagnostic.warning(info, null,
            "pragma '" + name + "' was renamed '" + renamed + "' in QEMU 6.0"));
        key = renamed;
      }
    }
    switch (key) {
      case "doc-required" -> {
        if (!(value instanceof QBool b)) {
          throw error(info, "pragma 'doc-required' must be boolean");
        }
        docRequired = b.value();
      }
      case "command-name-exceptions" -> commandNameExceptions = strings(name, value, info);
      case "command-returns-exceptions" -> commandReturnsExceptions = strings(name, value, info);
      case "documentation-exceptions" -> documentationExceptions = strings(name, value, info);
      case "member-name-exceptions" -> memberNameExceptions = strings(name, value, info);
      default -> throw error(info, "unknown pragma '" + name + "'");
    }
  }

  private static List<String> strings(String name, QValue value, SourceLocation info) {
    if (value instanceof QList list) {
      List<String> out = new ArrayList<>();
      for (QValue v : list.elements()) {
        if (!(v instanceof QString s)) {
          throw error(info, "pragma " + name + " must be a list of strings");
        }
        out.add(s.value());
      }
      return List.copyOf(out);
    }
    throw error(info, "pragma " + name + " must be a list of strings");
  }

  private static SchemaParseException error(SourceLocation info, String message) {
    return new SchemaParseException(Diagnostic.error(info, message));
  }

  Pragmas toPragmas() {
    return new Pragmas(docRequired, commandNameExceptions, commandReturnsExceptions,
        documentationExceptions, memberNameExceptions);
  }
}
