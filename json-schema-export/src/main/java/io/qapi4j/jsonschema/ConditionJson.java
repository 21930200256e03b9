package io.qapi4j.jsonschema;

import io.qapi4j.model.Condition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An {@code 'if'} condition as the JSON of {@code x-qapi-if}: an identifier as a string, {@code
 * {"all": [...]}}, {@code {"any": [...]}}, {@code {"not": ...}}, and pre-6.2 C expressions as their
 * text (a pre-6.2 list of them as {@code {"all": [...]}}).
 */
final class ConditionJson {

  private ConditionJson() {}

  static JsonNode of(Condition condition) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (condition instanceof Condition.Symbol s) {
      return f.stringNode(s.name());
    }
    if (condition instanceof Condition.CExpression c) {
      return f.stringNode(c.text());
    }
    if (condition instanceof Condition.Not n) {
      ObjectNode o = f.objectNode();
      o.set("not", of(n.operand()));
      return o;
    }
    ObjectNode o = f.objectNode();
    ArrayNode operands = f.arrayNode();
    if (condition instanceof Condition.All all) {
      all.operands().forEach(c -> operands.add(of(c)));
      o.set("all", operands);
    } else {
      ((Condition.Any) condition).operands().forEach(c -> operands.add(of(c)));
      o.set("any", operands);
    }
    return o;
  }
}
