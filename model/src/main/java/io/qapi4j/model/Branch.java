package io.qapi4j.model;

import org.jspecify.annotations.Nullable;

/**
 * A branch of a union or an alternate.
 *
 * <p>For a flat union the name is a value of the discriminator enum and the type an object type
 * whose members join the base's. For a simple union the type is the type of the {@code data}
 * member. For an alternate the type decides which JSON values the branch takes.
 *
 * @param name the branch name
 * @param type the name of the branch's type
 * @param condition the branch's {@code 'if'}, or {@code null}
 */
public record Branch(String name, String type, @Nullable Condition condition) {

  /** An unconditional branch. */
  public static Branch of(String name, String type) {
    return new Branch(name, type, null);
  }
}
