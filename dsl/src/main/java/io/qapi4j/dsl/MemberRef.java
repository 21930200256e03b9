package io.qapi4j.dsl;

import org.jspecify.annotations.Nullable;

/**
 * A handle on a member of a struct or of a flat union's inline base: from {@link
 * StructRef#member(String)}, from the {@code member} methods of the builders, or from {@link
 * UnionBuilder#baseMember}.
 *
 * @param owner the struct the member was taken from, or {@code null} for a member of an inline
 *     union base or of a command's or event's inline members
 * @param name the member's name
 * @param type the member's type
 * @param optional whether it may be absent
 */
public record MemberRef(@Nullable StructRef owner, String name, TypeRef type, boolean optional) {
  @Override
  public String toString() {
    return (owner == null ? "" : owner.name() + ".") + name;
  }
}
