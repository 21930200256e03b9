package io.qapi4j.dsl;

/**
 * A configuration block: the last parameter of every DSL method that configures something.
 *
 * <p>In Java it is a lambda taking the builder ({@code s -> s.member("a", INT)}); in Kotlin, with
 * the {@code sam-with-receiver} plugin set to {@link ReceiverBlock}, a trailing lambda whose
 * receiver is the builder ({@code { member("a", INT) }}).
 *
 * @param <T> the builder the block configures
 */
@FunctionalInterface
@ReceiverBlock
public interface Block<T> {

  /** Configures {@code builder}. */
  void configure(T builder);
}
