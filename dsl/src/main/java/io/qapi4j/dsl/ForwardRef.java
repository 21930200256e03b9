package io.qapi4j.dsl;

/**
 * A reference to a type defined further down the same schema, made by {@link
 * SchemaBuilder#forward(String)} — for recursive and mutually recursive types. If no type of
 * that name is ever defined, {@link SchemaBuilder#build()} reports the definitions that use it
 * ("uses unknown type"), at their call sites.
 */
public final class ForwardRef implements TypeRef {
  private final String name;

  ForwardRef(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return name;
  }
}
