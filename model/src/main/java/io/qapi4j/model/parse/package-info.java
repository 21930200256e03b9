/**
 * Reading QAPI schema files: the lexer and parser of QEMU's schema language (every era), include
 * and pragma directives, and documentation comments.
 *
 * <p>The entry point is {@link io.qapi4j.model.read.SchemaReader}. The stages mirror QEMU's
 * {@code scripts/qapi}: this package turns text into {@linkplain
 * io.qapi4j.model.parse.ParsedExpression expressions}; {@link io.qapi4j.model.check} checks them
 * and builds the {@link io.qapi4j.model.Schema}.
 */
@NullMarked
package io.qapi4j.model.parse;

import org.jspecify.annotations.NullMarked;
