package io.qapi4j.model;

/**
 * The implicit array type {@code TList} that {@code ['T']} denotes.
 *
 * @param name {@code element + "List"}
 * @param elementType the element type's name
 */
public record ArrayType(String name, String elementType) implements QapiType {

  /** The array type of {@code elementType}, named as QEMU names it. */
  public static ArrayType of(String elementType) {
    return new ArrayType(elementType + "List", elementType);
  }

  @Override
  public JsonType jsonType() {
    return JsonType.ARRAY;
  }

  @Override
  public String describe() {
    return "array type ['" + elementType + "']";
  }
}
