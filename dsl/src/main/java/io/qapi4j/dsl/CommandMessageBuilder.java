package io.qapi4j.dsl;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Builds a command message: {@code put} sets its arguments, {@link #id(String)} the message's
 * {@code id} (which is not an argument: a command argument called {@code id} goes in with {@code
 * put("id", ...)}).
 */
public final class CommandMessageBuilder extends ObjectBuilder {
  private @Nullable JsonNode id;

  CommandMessageBuilder() {}

  /** Sets the message's {@code id}, which the reply will echo. */
  public void id(String id) {
    this.id = NODES.stringNode(id);
  }

  /** Sets the message's {@code id}, which the reply will echo. */
  public void id(long id) {
    this.id = NODES.numberNode(id);
  }

  @Nullable JsonNode messageId() {
    return id;
  }
}
