package io.qapi4j.dsl;

/**
 * A handle on a value of an enum type: from {@link EnumRef#value(String)} or {@link
 * EnumBuilder#value(String)}.
 *
 * @param type the enum the value belongs to
 * @param name the value as sent on the wire
 */
public record EnumValueRef(EnumRef type, String name) {
  @Override
  public String toString() {
    return type.name() + "." + name;
  }
}
