package io.qapi4j.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A union: a JSON object whose members depend on the value of a tag member.
 *
 * <p>A {@linkplain Kind#FLAT flat} union (the only kind since QEMU 6.2) has a base struct and a
 * discriminator, one of the base's enum members; the branch named by the discriminator's value adds
 * its members next to the base's, and enum values without a branch add none. A {@linkplain
 * Kind#SIMPLE simple} union (until 6.1) has the wire form {@code {"type": BRANCH, "data": VALUE}}
 * with an implicit enum {@code NAMEKind} of the branch names; before 2.4 it could also have a base
 * whose members sit beside {@code type} and {@code data}.
 *
 * @param name the type name
 * @param unionKind flat or simple
 * @param base the base struct (flat unions; legacy simple unions with base), or {@code null}
 * @param discriminator the tag member's name ({@code "type"} for simple unions)
 * @param tagType the tag's enum type: the discriminator's type, or the implicit kind enum
 * @param branches the explicitly written branches, in order
 * @param condition the {@code 'if'}, or {@code null}
 * @param features the type's features
 * @param doc the documentation, or {@code null}
 * @param location where it was defined
 */
public record UnionType(
    String name,
    Kind unionKind,
    @Nullable StructType base,
    String discriminator,
    EnumType tagType,
    List<Branch> branches,
    @Nullable Condition condition,
    List<Feature> features,
    @Nullable DocComment doc,
    SourceLocation location)
    implements ObjectType {

  /** Whether this is a flat union. */
  public boolean isFlat() {
    return unionKind == Kind.FLAT;
  }

  /** The two kinds of union. */
  public enum Kind {
    /** Base plus discriminator; branches are object types flattened into the union. */
    FLAT,
    /** Pre-6.2 {@code {'type', 'data'}} union; branches may be of any type. */
    SIMPLE
  }

  /** The member that carries a simple union's branch value. */
  public static final String SIMPLE_DATA_MEMBER = "data";

  public UnionType {
    branches = List.copyOf(branches);
    features = List.copyOf(features);
  }

  @Override
  public List<Member> allMembers() {
    List<Member> all = new ArrayList<>(base == null ? List.of() : base.allMembers());
    if (unionKind == Kind.SIMPLE) {
      all.add(Member.required(discriminator, tagType.name()));
    }
    return List.copyOf(all);
  }

  /** The explicit branch for tag value {@code value}, if there is one. */
  public Optional<Branch> branch(String value) {
    return branches.stream().filter(b -> b.name().equals(value)).findFirst();
  }

  @Override
  public DefinitionKind kind() {
    return DefinitionKind.UNION;
  }

  @Override
  public String describe() {
    return "union type '" + name + "'";
  }
}
