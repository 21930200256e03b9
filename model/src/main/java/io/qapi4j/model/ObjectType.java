package io.qapi4j.model;

import java.util.List;

/** A type whose wire form is a JSON object: a struct or a union. */
public sealed interface ObjectType extends QapiType, Definition permits StructType, UnionType {

  /**
   * The members every value of this type has on the wire, base members first: for a struct its
   * base chain's members then its own; for a flat union the base's members (including the
   * discriminator); for a simple union the {@code type} member (and any legacy base members).
   */
  List<Member> allMembers();

  @Override
  default JsonType jsonType() {
    return JsonType.OBJECT;
  }
}
