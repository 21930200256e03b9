package io.qapi4j.dsl;

import java.util.ArrayList;
import java.util.List;

/**
 * A handle on an enum type defined by {@link SchemaBuilder#enumType}; {@link #value(String)} gives
 * handles on its values, e.g. to name the branches of a flat union.
 */
public final class EnumRef implements TypeRef {
  private final String name;
  private final List<EnumValueRef> values = new ArrayList<>();

  EnumRef(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  /** The values, in order. */
  public List<EnumValueRef> values() {
    return List.copyOf(values);
  }

  /**
   * The value called {@code value}.
   *
   * @throws IllegalArgumentException when the enum has no such value
   */
  public EnumValueRef value(String value) {
    for (EnumValueRef v : values) {
      if (v.name().equals(value)) {
        return v;
      }
    }
    throw new IllegalArgumentException("enum '" + name + "' has no value '" + value + "'"
        + Names.didYouMean(value, values.stream().map(EnumValueRef::name).toList()));
  }

  EnumValueRef add(String value) {
    EnumValueRef ref = new EnumValueRef(this, value);
    values.add(ref);
    return ref;
  }

  boolean has(String value) {
    return values.stream().anyMatch(v -> v.name().equals(value));
  }

  @Override
  public String toString() {
    return name;
  }
}
