/**
 * The native engine: the model compiled once into a tree of small checks that walk a Jackson tree
 * the way QEMU's input visitor walks a QObject — no lookup of types by name while validating.
 * Internal to the validator; use {@link io.qapi4j.validator.QmpValidator}.
 */
@NullMarked
package io.qapi4j.validator.checks;

import org.jspecify.annotations.NullMarked;
