package io.qapi4j.dsl;

import io.qapi4j.model.Condition;
import io.qapi4j.model.Feature;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a definition, a member and an enum value can be given in the DSL: an {@code 'if'}
 * condition (see {@link Conditions}) and features ({@code "deprecated"}, {@code "unstable"} or a
 * schema-specific one).
 */
abstract sealed class ConditionalFeatures permits MemberBuilder, ValueBuilder, DefinitionBuilder {
  private @Nullable Condition condition;
  private final List<Feature> features = new ArrayList<>();

  ConditionalFeatures() {}

  /** Sets the {@code 'if'} condition. */
  public void condition(Condition condition) {
    this.condition = condition;
  }

  /** Adds a feature, e.g. {@code "deprecated"}, {@code "unstable"} or a schema-specific one. */
  public void feature(String name) {
    features.add(Feature.of(name));
  }

  /** Adds a feature that exists only when {@code condition} holds. */
  public void feature(String name, Condition condition) {
    features.add(new Feature(name, condition));
  }

  @Nullable Condition condition() {
    return condition;
  }

  List<Feature> features() {
    return features;
  }
}
