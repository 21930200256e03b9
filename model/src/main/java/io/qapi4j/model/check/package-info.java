/**
 * The check stage: QEMU's expression checks ({@code expr.py}) and semantic checks
 * ({@code schema.py}) in QEMU's order and words, the compat dialect's reading of older syntax,
 * and the building of the immutable {@link io.qapi4j.model.Schema}.
 *
 * <p>The stages: {@link io.qapi4j.model.check.ExpressionChecker} validates and normalises each
 * parsed expression; {@link io.qapi4j.model.check.SchemaChecker} defines the entities, resolves and
 * checks them, connects documentation, and freezes the result into model records.
 */
@NullMarked
package io.qapi4j.model.check;

import org.jspecify.annotations.NullMarked;
