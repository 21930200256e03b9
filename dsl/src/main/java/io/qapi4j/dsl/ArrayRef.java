package io.qapi4j.dsl;

/**
 * The array type {@code ['T']}, made by {@link Builtins#arrayOf(TypeRef)}.
 *
 * @param element the element type
 */
public record ArrayRef(TypeRef element) implements TypeRef {

  /** {@code TList}, as QEMU names array types. */
  @Override
  public String name() {
    return element.name() + "List";
  }

  @Override
  public String toString() {
    return "[" + element.name() + "]";
  }
}
