package io.qapi4j.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A value of an enum type.
 *
 * @param name the value as sent on the wire
 * @param condition the value's {@code 'if'}, or {@code null}
 * @param features the value's features (since QEMU 6.2)
 */
public record EnumValue(String name, @Nullable Condition condition, List<Feature> features) {

  public EnumValue {
    features = List.copyOf(features);
  }

  /** An unconditional value without features. */
  public static EnumValue of(String name) {
    return new EnumValue(name, null, List.of());
  }

  /** Whether this value carries the feature {@code name}. */
  public boolean hasFeature(String name) {
    return features.stream().anyMatch(f -> f.name().equals(name));
  }
}
