package io.qapi4j.validator.checks;

import io.qapi4j.validator.SchemaElement;
import io.qapi4j.validator.ViolationCode;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Checks one value against one QAPI type, reporting into a {@link Walk}: as a Jackson tree, or
 * straight from a parser's tokens. Both report the same violations. Instances are compiled once
 * per schema, immutable after linking, and shared by all threads.
 */
public abstract class TypeCheck {

  /**
   * Checks {@code value}, which sits at the walk's current position.
   *
   * @param element the schema element that declared the value (a member), for reports
   */
  public abstract void check(JsonNode value, Walk walk, @Nullable SchemaElement element);

  /**
   * Checks the value whose first token is {@code parser}'s current token, and consumes it: on
   * return the current token is the value's last ({@code END_OBJECT} for an object). The parser
   * must come from a mapper that rejects duplicate keys in the trees it builds ({@code
   * FAIL_ON_READING_DUP_TREE_KEY}): a union member that comes before its discriminator is read as
   * a tree.
   *
   * @param element the schema element that declared the value (a member), for reports
   * @throws TreeFallback when the value needs the tree walk (a duplicate key, which the caller
   *     reports as the parser would)
   */
  public abstract void stream(JsonParser parser, Walk walk, @Nullable SchemaElement element);

  /**
   * Whether {@link #check} would find nothing at all in an empty object, whatever the walk: a
   * command sent without arguments then needs no check of them.
   */
  public boolean acceptsEmptyObject() {
    return false;
  }

  /**
   * Whether the current token is {@code token}, which starts a value of JSON type {@code
   * expected}; if not, reports the value as of the wrong type and skips it.
   */
  static boolean at(JsonToken token, JsonParser parser, String expected, Walk walk,
      @Nullable SchemaElement element) {
    if (parser.currentToken() == token) {
      return true;
    }
    walk.report(ViolationCode.INVALID_TYPE, invalidType(walk, expected), element);
    Tokens.skip(parser, walk);
    return false;
  }

  /** QEMU's words for a value of the wrong JSON type. */
  static String invalidType(Walk walk, String expected) {
    return "Invalid parameter type for '" + walk.fullName(null) + "', expected: " + expected;
  }
}
