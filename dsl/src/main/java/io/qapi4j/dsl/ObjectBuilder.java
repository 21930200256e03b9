package io.qapi4j.dsl;

import java.math.BigDecimal;
import java.math.BigInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a JSON object of a message: command arguments, event data, a reply's return value, or
 * an object nested in one of them. Members are checked against the schema when the whole
 * message is built (see {@link QapiMessages}).
 *
 * <p>Scalars go in with {@code put}, objects with {@code put(name, block)}, arrays with {@code
 * putArray(name, block)}. Integers keep their exact value, so {@code put("size",
 * BigInteger.TWO.pow(64).subtract(BigInteger.ONE))} writes 18446744073709551615.
 */
@QapiDslMarker
public sealed class ObjectBuilder
    permits CommandMessageBuilder, EventMessageBuilder, ReplyBuilder {

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  final ObjectNode node;

  ObjectBuilder() {
    this(NODES.objectNode());
  }

  ObjectBuilder(ObjectNode node) {
    this.node = node;
  }

  /** Sets member {@code name} to a string. */
  public void put(String name, String value) {
    node.put(name, value);
  }

  /** Sets member {@code name} to an integer. */
  public void put(String name, int value) {
    node.put(name, value);
  }

  /** Sets member {@code name} to an integer. */
  public void put(String name, long value) {
    node.put(name, value);
  }

  /** Sets member {@code name} to an integer of any size (uint64, size). */
  public void put(String name, BigInteger value) {
    node.put(name, value);
  }

  /** Sets member {@code name} to a floating-point number. */
  public void put(String name, double value) {
    node.put(name, value);
  }

  /** Sets member {@code name} to an exact decimal number. */
  public void put(String name, BigDecimal value) {
    node.put(name, value);
  }

  /** Sets member {@code name} to a boolean. */
  public void put(String name, boolean value) {
    node.put(name, value);
  }

  /** Sets member {@code name} to a JSON value built elsewhere (copied). */
  public void put(String name, JsonNode value) {
    node.set(name, value.deepCopy());
  }

  /** Sets member {@code name} to an object configured by {@code block}. */
  public void put(String name, Block<ObjectBuilder> block) {
    ObjectBuilder nested = new ObjectBuilder();
    block.configure(nested);
    node.set(name, nested.node);
  }

  /** Sets member {@code name} to an array configured by {@code block}. */
  public void putArray(String name, Block<ArrayBuilder> block) {
    ArrayBuilder nested = new ArrayBuilder();
    block.configure(nested);
    node.set(name, nested.node);
  }

  /** Sets member {@code name} to {@code null}. */
  public void putNull(String name) {
    node.putNull(name);
  }

  /** Whether no member has been set. */
  boolean isEmpty() {
    return node.isEmpty();
  }

  /** Builds a JSON array: the elements of an array member of a message. */
  @QapiDslMarker
  public static final class ArrayBuilder {
    final ArrayNode node = NODES.arrayNode();

    ArrayBuilder() {}

    /** Appends a string. */
    public void add(String value) {
      node.add(value);
    }

    /** Appends an integer. */
    public void add(int value) {
      node.add(value);
    }

    /** Appends an integer. */
    public void add(long value) {
      node.add(value);
    }

    /** Appends an integer of any size. */
    public void add(BigInteger value) {
      node.add(value);
    }

    /** Appends a floating-point number. */
    public void add(double value) {
      node.add(value);
    }

    /** Appends an exact decimal number. */
    public void add(BigDecimal value) {
      node.add(value);
    }

    /** Appends a boolean. */
    public void add(boolean value) {
      node.add(value);
    }

    /** Appends a JSON value built elsewhere (copied). */
    public void add(JsonNode value) {
      node.add(value.deepCopy());
    }

    /** Appends an object configured by {@code block}. */
    public void add(Block<ObjectBuilder> block) {
      ObjectBuilder element = new ObjectBuilder();
      block.configure(element);
      node.add(element.node);
    }

    /** Appends an array configured by {@code block}. */
    public void addArray(Block<ArrayBuilder> block) {
      ArrayBuilder element = new ArrayBuilder();
      block.configure(element);
      node.add(element.node);
    }

    /** Appends {@code null}. */
    public void addNull() {
      node.addNull();
    }
  }
}
