package io.qapi4j.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Something a schema defines by name: an enum, struct, union, alternate, command or event,
 * including the implicit types the schema language derives (argument structs, union bases, ...).
 */
public sealed interface Definition permits EnumType, ObjectType, AlternateType, Command, Event {

  /** The definition's name. */
  String name();

  /** Which kind of definition this is. */
  DefinitionKind kind();

  /** The definition's {@code 'if'}, or {@code null}. */
  @Nullable Condition condition();

  /** The definition's features. */
  List<Feature> features();

  /** The documentation comment attached to the definition, or {@code null}. */
  @Nullable DocComment doc();

  /** Where the definition was written; for implicit types, where their owner was written. */
  SourceLocation location();

  /**
   * Whether the schema language derived this definition rather than the author writing it: the
   * argument struct of an inline command {@code 'data'} ({@code q_obj_NAME-arg}), an inline union
   * base ({@code q_obj_NAME-base}), a simple union's kind enum ({@code NAMEKind}), an old-style
   * nested struct, {@code q_empty} and {@code QType}.
   */
  default boolean implicit() {
    return false;
  }

  /** Whether the definition carries the feature {@code name}. */
  default boolean hasFeature(String name) {
    return features().stream().anyMatch(f -> f.name().equals(name));
  }

  /** {@code struct 'Foo'}: how QEMU names the definition in its "In META 'NAME':" lines. */
  default String title() {
    return kind().keyword() + " '" + name() + "'";
  }
}
