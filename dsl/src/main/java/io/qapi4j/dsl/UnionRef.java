package io.qapi4j.dsl;

/** A handle on a union type, flat ({@link SchemaBuilder#union}) or simple ({@link SchemaBuilder#simpleUnion}). */
public final class UnionRef implements TypeRef {
  private final String name;

  UnionRef(String name) {
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
