package io.qapi4j.dsl;

import io.qapi4j.model.SourceLocation;
import org.jspecify.annotations.Nullable;

/**
 * A definition with members: a struct, or the inline arguments of a command or data of an event.
 * Each {@code member} call returns a handle on the member.
 */
public abstract sealed class MembersBuilder extends DefinitionBuilder
    permits StructBuilder, CommandBuilder, EventBuilder {

  final MemberList members;

  MembersBuilder(SchemaBuilder schema, String meta, String name, SourceLocation location,
      @Nullable StructRef owner) {
    super(schema, meta, name, location);
    this.members = new MemberList(schema, title(), owner);
  }

  /** Adds a required member. */
  public MemberRef member(String name, TypeRef type) {
    return members.add(name, type, false, null);
  }

  /** Adds a required member configured by {@code block} ({@code if}, features). */
  public MemberRef member(String name, TypeRef type, Block<MemberBuilder> block) {
    return members.add(name, type, false, block);
  }

  /** Adds an optional member ({@code '*name'}). */
  public MemberRef optional(String name, TypeRef type) {
    return members.add(name, type, true, null);
  }

  /** Adds an optional member configured by {@code block} ({@code if}, features). */
  public MemberRef optional(String name, TypeRef type, Block<MemberBuilder> block) {
    return members.add(name, type, true, block);
  }

  /**
   * Adds a required member whose type is a struct written in place (pre-2.4 syntax, compat
   * dialect only; see {@link NestedStructBuilder}).
   */
  public void nested(String name, Block<NestedStructBuilder> block) {
    members.addNested(name, false, block);
  }

  /** Adds an optional member whose type is a struct written in place (pre-2.4, compat only). */
  public void optionalNested(String name, Block<NestedStructBuilder> block) {
    members.addNested(name, true, block);
  }
}
