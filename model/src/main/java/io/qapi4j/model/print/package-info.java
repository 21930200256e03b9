/**
 * Writing a model back as QAPI schema text: {@link io.qapi4j.model.print.SchemaPrinter} prints a
 * {@link io.qapi4j.model.Schema} however it was built (schema files, the DSL, introspection) as
 * conventionally formatted schema source that the reader reads back into an equal model.
 */
@NullMarked
package io.qapi4j.model.print;

import org.jspecify.annotations.NullMarked;
