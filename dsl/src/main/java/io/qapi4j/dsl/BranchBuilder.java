package io.qapi4j.dsl;

import io.qapi4j.model.Condition;
import org.jspecify.annotations.Nullable;

/** Configures one branch of a union or alternate: its {@code 'if'} condition. */
@QapiDslMarker
public final class BranchBuilder {
  private @Nullable Condition condition;

  BranchBuilder() {}

  /** Sets the branch's {@code 'if'} condition. */
  public void condition(Condition condition) {
    this.condition = condition;
  }

  @Nullable Condition condition() {
    return condition;
  }
}
