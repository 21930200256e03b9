package io.qapi4j.model;

import org.jspecify.annotations.Nullable;

/**
 * A feature of a definition, member or enum value, such as {@code deprecated}, {@code unstable} or
 * a schema-specific flag.
 *
 * @param name the feature name
 * @param condition the feature's own {@code 'if'}, or {@code null}
 */
public record Feature(String name, @Nullable Condition condition) {

  /** The special feature marking something deprecated (QEMU's {@code -compat deprecated-*}). */
  public static final String DEPRECATED = "deprecated";

  /** The special feature marking something unstable (QEMU's {@code -compat unstable-*}). */
  public static final String UNSTABLE = "unstable";

  /** An unconditional feature. */
  public static Feature of(String name) {
    return new Feature(name, null);
  }

  /** Whether this is the special {@code deprecated} feature. */
  public boolean isDeprecated() {
    return name.equals(DEPRECATED);
  }

  /** Whether this is the special {@code unstable} feature. */
  public boolean isUnstable() {
    return name.equals(UNSTABLE);
  }
}
