/**
 * The {@code qapi4j} command line (picocli): {@code check}, {@code export}, {@code validate},
 * {@code introspect}. Exit codes: 0 clean, 1 findings, 2 usage, I/O or internal error.
 */
@NullMarked
package io.qapi4j.cli;

import org.jspecify.annotations.NullMarked;
