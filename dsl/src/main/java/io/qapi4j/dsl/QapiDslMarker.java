package io.qapi4j.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import kotlin.DslMarker;

/**
 * Kotlin's {@link DslMarker} for the DSL's builders: inside a nested block only the innermost
 * builder is an implicit receiver, so {@code struct("A") { struct("B") { } }} does not compile in
 * Kotlin instead of quietly calling the outer schema builder. Java ignores it.
 */
@DslMarker
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface QapiDslMarker {}
