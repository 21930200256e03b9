package io.qapi4j.validator.checks;

import io.qapi4j.validator.SchemaElement;
import io.qapi4j.validator.ViolationCode;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/** An array: every element against the element type, positions shown as {@code a[2]}. */
final class ArrayCheck extends TypeCheck {
  private TypeCheck element;

  ArrayCheck() {
    this.element = ScalarChecks.ANY;
  }

  void link(TypeCheck element) {
    this.element = element;
  }

  @Override
  public void check(JsonNode value, Walk walk, @Nullable SchemaElement declared) {
    if (!value.isArray()) {
      walk.report(ViolationCode.INVALID_TYPE, invalidType(walk, "array"), declared);
      return;
    }
    for (int i = 0, n = value.size(); i < n; i++) {
      walk.push(i);
      element.check(value.get(i), walk, declared);
      walk.pop();
    }
  }

  @Override
  public void stream(JsonParser parser, Walk walk, @Nullable SchemaElement declared) {
    if (!at(JsonToken.START_ARRAY, parser, "array", walk, declared)) {
      return;
    }
    for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
      walk.push(i);
      element.stream(parser, walk, declared);
      walk.pop();
    }
  }
}
