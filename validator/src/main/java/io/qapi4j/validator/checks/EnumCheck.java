package io.qapi4j.validator.checks;

import io.qapi4j.validator.CompatPolicy;
import io.qapi4j.validator.SchemaElement;
import io.qapi4j.validator.ViolationCode;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/** An enum: a string naming one of the values ("does not accept value" otherwise). */
final class EnumCheck extends TypeCheck {
  private final Set<String> values;
  private final Set<String> deprecated;
  private final Set<String> unstable;

  EnumCheck(Set<String> values, Set<String> deprecated, Set<String> unstable) {
    this.values = Set.copyOf(values);
    this.deprecated = Set.copyOf(deprecated);
    this.unstable = Set.copyOf(unstable);
  }

  @Override
  public void check(JsonNode value, Walk walk, @Nullable SchemaElement element) {
    if (!value.isString()) {
      walk.report(ViolationCode.INVALID_TYPE, invalidType(walk, "string"), element);
      return;
    }
    checkValue(value.asString(), walk, element);
  }

  @Override
  public void stream(JsonParser parser, Walk walk, @Nullable SchemaElement element) {
    if (at(JsonToken.VALUE_STRING, parser, "string", walk, element)) {
      String value = parser.getString();
      if (!values.contains(value)) {
        Tokens.requireNoSurrogates(value);   // QEMU's parser may refuse it: a parse error
      }
      checkValue(value, walk, element);
    }
  }

  private void checkValue(String v, Walk walk, @Nullable SchemaElement element) {
    if (!values.contains(v)) {
      walk.report(ViolationCode.INVALID_ENUM_VALUE,
          "Parameter '" + walk.ownName() + "' does not accept value '" + v + "'", element);
      return;
    }
    if (walk.input()) {
      CompatPolicy policy = walk.policy();
      if (deprecated.contains(v)) {
        walk.reportPolicy(policy.deprecatedInput(), ViolationCode.DEPRECATED, "value", v, element);
      }
      if (unstable.contains(v)) {
        walk.reportPolicy(policy.unstableInput(), ViolationCode.UNSTABLE, "value", v, element);
      }
    }
  }

  boolean accepts(String value) {
    return values.contains(value);
  }
}
