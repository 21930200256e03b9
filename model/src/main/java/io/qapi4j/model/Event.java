package io.qapi4j.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An event the server may emit.
 *
 * @param name the event name
 * @param data the data type (an implicit {@code q_obj_NAME-arg} struct for inline {@code 'data'},
 *     a named struct, or with {@code boxed} a union), or {@code null} when the event has no data
 * @param boxed whether the data is passed as one object ({@code 'boxed'})
 * @param condition the {@code 'if'}, or {@code null}
 * @param features the event's features
 * @param doc the documentation, or {@code null}
 * @param location where it was defined
 */
public record Event(
    String name,
    @Nullable ObjectType data,
    boolean boxed,
    @Nullable Condition condition,
    List<Feature> features,
    @Nullable DocComment doc,
    SourceLocation location)
    implements Definition {

  public Event {
    features = List.copyOf(features);
  }

  /** The members of the data (base members first), or none. */
  public List<Member> dataMembers() {
    return data == null ? List.of() : data.allMembers();
  }

  @Override
  public DefinitionKind kind() {
    return DefinitionKind.EVENT;
  }
}
