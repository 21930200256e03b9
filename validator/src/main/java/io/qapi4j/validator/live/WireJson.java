package io.qapi4j.validator.live;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Reading what a server sends and writing what a client sends, as compact JSON. */
final class WireJson {
  private WireJson() {}

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** The object message {@code text} holds, or {@code null} with the reason in {@code problem}. */
  static @Nullable JsonNode parse(String text, StringBuilder problem) {
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null || node.isMissingNode()) {
        problem.append("no JSON value");
        return null;
      }
      return node;
    } catch (JacksonException e) {
      String m = e.getOriginalMessage();
      problem.append("not JSON: ").append(m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m));
      return null;
    }
  }

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** Compact JSON, as QEMU's clients usually send it. */
  static String write(JsonNode node) {
    return MAPPER.writeValueAsString(node);
  }
}
