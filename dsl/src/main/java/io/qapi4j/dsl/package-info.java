/**
 * A typed builder DSL for QAPI schemas and for QMP / QGA messages, written in Java so that Kotlin
 * trailing lambdas read naturally.
 *
 * <p>Schemas: {@link io.qapi4j.dsl.SchemaBuilder} builds the same immutable {@link
 * io.qapi4j.model.Schema} the reader builds, through the same checker; problems come back as
 * diagnostics positioned at the DSL call sites. Messages: {@link io.qapi4j.dsl.QapiMessages}
 * builds messages checked against a schema by the validator.
 */
@NullMarked
package io.qapi4j.dsl;

import org.jspecify.annotations.NullMarked;
