package io.qapi4j.model.check;

import io.qapi4j.model.Diagnostic;
import io.qapi4j.model.SourceLocation;
import org.jspecify.annotations.Nullable;

/**
 * QEMU's {@code QAPISourceInfo} as the checker sees it: a location and, once known, the definition
 * it belongs to ({@code META}, {@code NAME}), which puts the "In META 'NAME':" line in messages.
 *
 * @param location where
 * @param meta the definition's keyword, or {@code null} outside a definition
 * @param name the definition's name, or {@code null}
 */
record Info(SourceLocation location, @Nullable String meta, @Nullable String name) {

  static Info at(SourceLocation location) {
    return new Info(location, null, null);
  }

  Info inDefinition(String meta, String name) {
    return new Info(location, meta, name);
  }

  @Nullable String definitionTitle() {
    return name == null ? null : meta + " '" + name + "'";
  }

  Diagnostic error(String message) {
    return Diagnostic.error(location, definitionTitle(), message);
  }

  Diagnostic warning(String message) {
    return Diagnostic.warning(location, definitionTitle(), message);
  }

  /** QEMU's {@code str(info)}: include path, "In" line, {@code FILE:LINE}. */
  String render() {
    StringBuilder out = new StringBuilder(Diagnostic.includePath(location));
    if (name != null) {
      out.append(location.file()).append(": In ").append(definitionTitle()).append(":\n");
    }
    return out.append(location).toString();
  }
}
