package io.qapi4j.validator.checks;

import io.qapi4j.validator.SchemaElement;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Checks one value against one QAPI type, reporting into a {@link Walk}. Instances are compiled
 * once per schema, immutable after linking, and shared by all threads.
 */
public abstract class TypeCheck {

  /**
   * Checks {@code value}, which sits at the walk's current position.
   *
   * @param element the schema element that declared the value (a member), for reports
   */
  public abstract void check(JsonNode value, Walk walk, @Nullable SchemaElement element);

  /** QEMU's words for a value of the wrong JSON type. */
  static String invalidType(Walk walk, String expected) {
    return "Invalid parameter type for '" + walk.fullName(null) + "', expected: " + expected;
  }
}
