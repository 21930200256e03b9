package io.qapi4j.dsl;

import io.qapi4j.model.parse.QValue.QObject;

/**
 * The members of a struct written in place as a member's type — the pre-2.4 form {@code
 * 'qemu': {'major': 'int', 'minor': 'int'}}, which the model turns into an implicit struct
 * {@code q_obj_OWNER-MEMBER}. Only the compat dialect accepts it (with a warning), as QEMU 2.4
 * dropped it.
 */
@QapiDslMarker
public final class NestedStructBuilder {
  private final MemberList members;

  NestedStructBuilder(SchemaBuilder schema, String title) {
    this.members = new MemberList(schema, title, null);
  }

  /** Adds a required member. */
  public void member(String name, TypeRef type) {
    members.add(name, type, false, null);
  }

  /** Adds an optional member. */
  public void optional(String name, TypeRef type) {
    members.add(name, type, true, null);
  }

  /** Adds a required member whose type is again a struct written in place. */
  public void nested(String name, Block<NestedStructBuilder> block) {
    members.addNested(name, false, block);
  }

  /** Adds an optional member whose type is again a struct written in place. */
  public void optionalNested(String name, Block<NestedStructBuilder> block) {
    members.addNested(name, true, block);
  }

  QObject members() {
    return members.toQObject();
  }
}
