package io.qapi4j.dsl;

import java.math.BigInteger;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Builds a success reply: {@code put} sets members of the returned object; the {@code returns}
 * methods return something else (a guest agent's {@code int}, a list), and {@link #id(String)}
 * echoes the command's {@code id}.
 */
public final class ReplyBuilder extends ObjectBuilder {
  private @Nullable JsonNode id;
  private @Nullable JsonNode value;

  ReplyBuilder() {}

  /** Sets the {@code id} of the command this answers. */
  public void id(String id) {
    this.id = NODES.stringNode(id);
  }

  /** Sets the {@code id} of the command this answers. */
  public void id(long id) {
    this.id = NODES.numberNode(id);
  }

  /** Returns an integer instead of an object. */
  public void returns(long value) {
    this.value = NODES.numberNode(value);
  }

  /** Returns an integer of any size instead of an object. */
  public void returns(BigInteger value) {
    this.value = NODES.numberNode(value);
  }

  /** Returns a string (an enum value, say) instead of an object. */
  public void returns(String value) {
    this.value = NODES.stringNode(value);
  }

  /** Returns a boolean instead of an object. */
  public void returns(boolean value) {
    this.value = NODES.booleanNode(value);
  }

  /** Returns any JSON value (copied) instead of an object. */
  public void returns(JsonNode value) {
    this.value = value.deepCopy();
  }

  /** Returns an array configured by {@code block} instead of an object. */
  public void returnsArray(Block<ArrayBuilder> block) {
    ArrayBuilder array = new ArrayBuilder();
    block.configure(array);
    this.value = array.node;
  }

  @Nullable JsonNode messageId() {
    return id;
  }

  JsonNode returnValue() {
    if (value == null) {
      return node;
    }
    if (!isEmpty()) {
      throw new IllegalStateException("a reply returns either members ('put') or a value"
          + " ('returns'), not both");
    }
    return value;
  }
}
