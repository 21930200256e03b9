package io.qapi4j.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A struct: a JSON object with a fixed set of members, optionally extending a base struct.
 *
 * @param name the type name
 * @param base the base struct, whose members come first on the wire, or {@code null}
 * @param members the struct's own members, in order
 * @param condition the {@code 'if'}, or {@code null}
 * @param features the type's features
 * @param doc the documentation, or {@code null}
 * @param location where it was defined
 * @param implicit whether derived by the schema language ({@code q_obj_*}, {@code q_empty})
 */
public record StructType(
    String name,
    @Nullable StructType base,
    List<Member> members,
    @Nullable Condition condition,
    List<Feature> features,
    @Nullable DocComment doc,
    SourceLocation location,
    boolean implicit)
    implements ObjectType {

  /** The name of the predefined empty object type. */
  public static final String EMPTY_NAME = "q_empty";

  /** The predefined empty object type {@code q_empty}. */
  public static final StructType EMPTY =
      new StructType(EMPTY_NAME, null, List.of(), null, List.of(), null, SourceLocation.BUILTIN, true);

  public StructType {
    members = List.copyOf(members);
    features = List.copyOf(features);
  }

  @Override
  public List<Member> allMembers() {
    if (base == null) {
      return members;
    }
    List<Member> all = new ArrayList<>(base.allMembers());
    all.addAll(members);
    return List.copyOf(all);
  }

  /** The member called {@code name}, own or inherited, if any. */
  public Optional<Member> member(String name) {
    return allMembers().stream().filter(m -> m.name().equals(name)).findFirst();
  }

  @Override
  public DefinitionKind kind() {
    return DefinitionKind.STRUCT;
  }

  @Override
  public String describe() {
    return "struct type '" + name + "'";
  }
}
