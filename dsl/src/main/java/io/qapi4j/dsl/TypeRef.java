package io.qapi4j.dsl;

/**
 * A handle on a type that a schema definition may refer to. There is no way to make one from a
 * bare name: handles come from {@link Builtins} (built-in types and {@link Builtins#arrayOf
 * arrays}), from the {@link SchemaBuilder} methods that define types, and from {@link
 * SchemaBuilder#forward(String)} for a type defined further down. So a reference to a type that
 * does not exist cannot be written — except through a forward reference that is never defined,
 * which {@link SchemaBuilder#build()} reports like the reader reports an unknown type.
 */
public sealed interface TypeRef
    permits Builtins.BuiltinRef, ArrayRef, EnumRef, StructRef, UnionRef, AlternateRef, ForwardRef {

  /** The type's name as the schema writes it ({@code int}, {@code BlockdevOptions}, {@code strList}). */
  String name();
}
