package io.qapi4j.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A member of a struct, of a union's base, or of command arguments / event data.
 *
 * @param name the member name as sent on the wire (without the {@code *} of optional members)
 * @param type the name of the member's type ({@code TList} for an array of {@code T})
 * @param optional whether the member may be absent
 * @param condition the member's {@code 'if'}, or {@code null}
 * @param features the member's features
 */
public record Member(
    String name, String type, boolean optional, @Nullable Condition condition, List<Feature> features) {

  public Member {
    features = List.copyOf(features);
  }

  /** A required, unconditional member without features. */
  public static Member required(String name, String type) {
    return new Member(name, type, false, null, List.of());
  }

  /** An optional, unconditional member without features. */
  public static Member optional(String name, String type) {
    return new Member(name, type, true, null, List.of());
  }

  /** Whether this member carries the feature {@code name}. */
  public boolean hasFeature(String name) {
    return features.stream().anyMatch(f -> f.name().equals(name));
  }
}
