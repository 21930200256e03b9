package io.qapi4j.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the DSL's configuration interfaces for Kotlin's {@code sam-with-receiver} compiler plugin,
 * so that a Kotlin lambda passed as a configuration block receives the builder as {@code this}
 * ({@code struct("Foo") { member("a", INT) }}) instead of as {@code it}.
 *
 * <p>Kotlin projects enable it with the plugin option
 * {@code sam-with-receiver:annotation=io.qapi4j.dsl.ReceiverBlock} (Maven) or
 * {@code samWithReceiver { annotation("io.qapi4j.dsl.ReceiverBlock") }} (Gradle). Without the
 * plugin the blocks still work, with {@code it.member(...)}. Java ignores the annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReceiverBlock {}
