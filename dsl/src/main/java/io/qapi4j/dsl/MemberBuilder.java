package io.qapi4j.dsl;

import io.qapi4j.model.Condition;
import io.qapi4j.model.Feature;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Configures one member: its {@code 'if'} condition and its features. */
@QapiDslMarker
public final class MemberBuilder {
  private @Nullable Condition condition;
  private final List<Feature> features = new ArrayList<>();

  MemberBuilder() {}

  /** Sets the member's {@code 'if'} condition. */
  public void condition(Condition condition) {
    this.condition = condition;
  }

  /** Adds a feature, e.g. {@code "deprecated"}. */
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
