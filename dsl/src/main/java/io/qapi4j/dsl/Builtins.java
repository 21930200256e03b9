package io.qapi4j.dsl;

/**
 * The built-in types as {@link TypeRef} constants, and {@link #arrayOf(TypeRef)}. Import them
 * statically: {@code import static io.qapi4j.dsl.Builtins.*;} (Kotlin: {@code import
 * io.qapi4j.dsl.Builtins.*}).
 */
public final class Builtins {
  private Builtins() {}

  /** {@code str}. */
  public static final TypeRef STR = new BuiltinRef("str");
  /** {@code number}. */
  public static final TypeRef NUMBER = new BuiltinRef("number");
  /** {@code int}. */
  public static final TypeRef INT = new BuiltinRef("int");
  /** {@code int8}. */
  public static final TypeRef INT8 = new BuiltinRef("int8");
  /** {@code int16}. */
  public static final TypeRef INT16 = new BuiltinRef("int16");
  /** {@code int32}. */
  public static final TypeRef INT32 = new BuiltinRef("int32");
  /** {@code int64}. */
  public static final TypeRef INT64 = new BuiltinRef("int64");
  /** {@code uint8}. */
  public static final TypeRef UINT8 = new BuiltinRef("uint8");
  /** {@code uint16}. */
  public static final TypeRef UINT16 = new BuiltinRef("uint16");
  /** {@code uint32}. */
  public static final TypeRef UINT32 = new BuiltinRef("uint32");
  /** {@code uint64}. */
  public static final TypeRef UINT64 = new BuiltinRef("uint64");
  /** {@code size}. */
  public static final TypeRef SIZE = new BuiltinRef("size");
  /** {@code bool}. */
  public static final TypeRef BOOL = new BuiltinRef("bool");
  /** {@code null} (only useful as an alternate branch). */
  public static final TypeRef NULL = new BuiltinRef("null");
  /**
   * {@code any}: any JSON value. Also what the pre-2.5 pseudo-types {@code '**'} and {@code
   * 'visitor'} mean in the model.
   */
  public static final TypeRef ANY = new BuiltinRef("any");

  /** The array type {@code ['T']} of {@code element} (named {@code TList}). */
  public static ArrayRef arrayOf(TypeRef element) {
    return new ArrayRef(element);
  }

  /** A built-in type. */
  public record BuiltinRef(String name) implements TypeRef {
    @Override
    public String toString() {
      return name;
    }
  }
}
