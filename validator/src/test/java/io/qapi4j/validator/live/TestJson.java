package io.qapi4j.validator.live;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON for the live tests' arguments. */
final class TestJson {
  private TestJson() {}

  static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** {@code text} parsed; the tests write arguments as JSON text. */
  static JsonNode json(String text) {
    return MAPPER.readTree(text);
  }
}
