/**
 * Validating QMP and QGA messages against a QAPI {@link io.qapi4j.model.Schema}.
 *
 * <p>{@link io.qapi4j.validator.QmpValidator} is the entry point. It classifies a message
 * (command, reply, event, greeting), checks its envelope with QEMU's rules and words, and checks
 * its payload — command arguments, a reply's {@code return}, an event's {@code data} — the way
 * QEMU's input visitor does, reporting every {@link io.qapi4j.validator.Violation} with its JSON
 * Pointer, QEMU's dotted path, a stable {@link io.qapi4j.validator.ViolationCode} and QEMU's
 * wording.
 */
@NullMarked
package io.qapi4j.validator;

import org.jspecify.annotations.NullMarked;
