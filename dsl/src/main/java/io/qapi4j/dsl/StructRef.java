package io.qapi4j.dsl;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A handle on a struct type defined by {@link SchemaBuilder#struct}; {@link #member(String)}
 * gives handles on its members (own and inherited), e.g. to choose a flat union's discriminator.
 */
public final class StructRef implements TypeRef {
  private final String name;
  private @Nullable StructRef base;
  private final List<MemberRef> members = new ArrayList<>();

  StructRef(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  /** The base struct, or {@code null}. */
  public @Nullable StructRef base() {
    return base;
  }

  /** Every member, the base's first (as on the wire). */
  public List<MemberRef> allMembers() {
    List<MemberRef> all = new ArrayList<>();
    List<StructRef> chain = new ArrayList<>();
    for (StructRef s = this; s != null && !chain.contains(s); s = s.base) {
      chain.add(0, s);
    }
    for (StructRef s : chain) {
      for (MemberRef m : s.members) {
        all.add(new MemberRef(this, m.name(), m.type(), m.optional()));
      }
    }
    return all;
  }

  /**
   * The member called {@code member}, own or inherited, as a member of this struct.
   *
   * @throws IllegalArgumentException when there is no such member
   */
  public MemberRef member(String member) {
    List<MemberRef> all = allMembers();
    for (MemberRef m : all) {
      if (m.name().equals(member)) {
        return m;
      }
    }
    throw new IllegalArgumentException("struct '" + name + "' has no member '" + member + "'"
        + Names.didYouMean(member, all.stream().map(MemberRef::name).toList()));
  }

  void setBase(@Nullable StructRef base) {
    this.base = base;
  }

  void addMember(MemberRef member) {
    members.add(member);
  }

  @Override
  public String toString() {
    return name;
  }
}
