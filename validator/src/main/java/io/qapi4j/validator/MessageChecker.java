package io.qapi4j.validator;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** One engine's way of checking a parsed message. Implementations are thread-safe. */
interface MessageChecker {

  /**
   * Checks {@code message}.
   *
   * @param direction which way the message travels, if known
   * @param inReplyTo for a reply, the command it answers, if known
   */
  ValidationResult check(JsonNode message, Direction direction, @Nullable String inReplyTo);

  /** Checks a bare value against the schema type {@code type} (input rules: no unknown members). */
  ValidationResult checkType(String type, JsonNode value);
}
