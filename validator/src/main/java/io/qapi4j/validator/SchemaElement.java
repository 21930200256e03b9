package io.qapi4j.validator;

import io.qapi4j.model.SourceLocation;
import org.jspecify.annotations.Nullable;

/**
 * The part of the schema a violation broke.
 *
 * @param definition the definition's title, e.g. {@code struct 'BlockdevOptionsFile'} or {@code
 *     command 'blockdev-add'}
 * @param member the member, value or branch concerned, or {@code null}
 * @param location where the definition was written
 */
public record SchemaElement(String definition, @Nullable String member, SourceLocation location) {

  @Override
  public String toString() {
    return definition + (member == null ? "" : " member '" + member + "'") + " (" + location + ")";
  }
}
