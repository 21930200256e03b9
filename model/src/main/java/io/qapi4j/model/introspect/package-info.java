/**
 * QEMU's {@code query-qmp-schema} introspection: writing the SchemaInfo list a QEMU built from a
 * schema would return ({@link io.qapi4j.model.introspect.IntrospectionWriter}), and reading such a
 * list — from a live QEMU or a capture — into the model ({@link
 * io.qapi4j.model.introspect.IntrospectionReader}).
 */
@NullMarked
package io.qapi4j.model.introspect;

import org.jspecify.annotations.NullMarked;
