package io.qapi4j.validator.checks;

import io.qapi4j.validator.SchemaElement;
import io.qapi4j.validator.ViolationCode;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeType;

/**
 * An alternate: the JSON kind of the value picks the branch, whose own checks then apply; a kind
 * no branch takes is "Invalid parameter type for 'x', expected: AltName".
 */
final class AlternateCheck extends TypeCheck {
  private final String typeName;
  private @Nullable TypeCheck string;
  private @Nullable TypeCheck number;
  private @Nullable TypeCheck bool;
  private @Nullable TypeCheck nul;
  private @Nullable TypeCheck object;
  private @Nullable TypeCheck array;

  AlternateCheck(String typeName) {
    this.typeName = typeName;
  }

  /** Adds a branch for the JSON kinds {@code kind} takes ({@code string}, {@code number}, ...). */
  void link(String kind, TypeCheck check) {
    switch (kind) {
      case "string" -> string = string == null ? check : string;
      case "number" -> number = number == null ? check : number;
      case "boolean" -> bool = bool == null ? check : bool;
      case "null" -> nul = nul == null ? check : nul;
      case "object" -> object = object == null ? check : object;
      case "array" -> array = array == null ? check : array;
      default -> throw new IllegalArgumentException(kind);
    }
  }

  @Override
  public void check(JsonNode value, Walk walk, @Nullable SchemaElement element) {
    TypeCheck branch = branchFor(value.getNodeType());
    if (branch == null) {
      noBranch(walk, element);
      return;
    }
    branch.check(value, walk, element);
  }

  @Override
  public void stream(JsonParser parser, Walk walk, @Nullable SchemaElement element) {
    TypeCheck branch = branchFor(parser.currentToken());
    if (branch == null) {
      noBranch(walk, element);
      Tokens.skip(parser, walk);
      return;
    }
    branch.stream(parser, walk, element);
  }

  private void noBranch(Walk walk, @Nullable SchemaElement element) {
    walk.report(ViolationCode.NO_ALTERNATE_BRANCH, "Invalid parameter type for '"
        + walk.ownName() + "', expected: " + typeName, element);
  }

  private @Nullable TypeCheck branchFor(JsonToken token) {
    return switch (token) {
      case VALUE_STRING -> string;
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number;
      case VALUE_TRUE, VALUE_FALSE -> bool;
      case VALUE_NULL -> nul;
      case START_OBJECT -> object;
      case START_ARRAY -> array;
      default -> null;
    };
  }

  private @Nullable TypeCheck branchFor(JsonNodeType type) {
    return switch (type) {
      case STRING -> string;
      case NUMBER -> number;
      case BOOLEAN -> bool;
      case NULL -> nul;
      case OBJECT -> object;
      case ARRAY -> array;
      default -> null;
    };
  }
}
