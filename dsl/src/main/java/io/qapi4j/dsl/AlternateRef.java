package io.qapi4j.dsl;

/** A handle on an alternate type defined by {@link SchemaBuilder#alternate}. */
public final class AlternateRef implements TypeRef {
  private final String name;

  AlternateRef(String name) {
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
