package io.qapi4j.model;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An alternate: a value that may be of one of several types, told apart by its JSON kind.
 *
 * @param name the type name
 * @param branches the branches in order
 * @param anonymousUnion whether written as a pre-2.4 anonymous union ({@code 'union'} with
 *     {@code 'discriminator': {}})
 * @param condition the {@code 'if'}, or {@code null}
 * @param features the type's features
 * @param doc the documentation, or {@code null}
 * @param location where it was defined
 */
public record AlternateType(
    String name,
    List<Branch> branches,
    boolean anonymousUnion,
    @Nullable Condition condition,
    List<Feature> features,
    @Nullable DocComment doc,
    SourceLocation location)
    implements QapiType, Definition {

  public AlternateType {
    branches = List.copyOf(branches);
    features = List.copyOf(features);
  }

  /** The branch called {@code name}, if any. */
  public Optional<Branch> branch(String name) {
    return branches.stream().filter(b -> b.name().equals(name)).findFirst();
  }

  @Override
  public DefinitionKind kind() {
    return DefinitionKind.ALTERNATE;
  }

  @Override
  public JsonType jsonType() {
    return JsonType.VALUE;
  }

  @Override
  public String describe() {
    return "alternate type '" + name + "'";
  }
}
