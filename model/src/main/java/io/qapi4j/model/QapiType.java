package io.qapi4j.model;

/**
 * A QAPI type: built-in, enum, array, struct, union or alternate.
 *
 * <p>Tell the permitted subtypes apart with {@code instanceof} patterns:
 *
 * <pre>{@code
 * if (t instanceof StructType s) {
 *   s.allMembers().forEach(m -> ...);
 * } else if (t instanceof ArrayType a) {
 *   schema.type(a.elementType());
 * }
 * }</pre>
 */
public sealed interface QapiType
    permits BuiltinType, EnumType, ArrayType, ObjectType, AlternateType {

  /** The type's name: {@code int}, {@code BlockdevOptions}, {@code strList}, {@code q_empty}... */
  String name();

  /** The JSON value kinds this type accepts on the wire. */
  JsonType jsonType();

  /**
   * How QEMU's error messages describe this type, e.g. {@code built-in type 'int'}, {@code struct
   * type 'Foo'}, {@code array type ['int']}.
   */
  String describe();
}
