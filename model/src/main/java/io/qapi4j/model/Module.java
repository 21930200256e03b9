package io.qapi4j.model;

import org.jspecify.annotations.Nullable;

/**
 * A schema file: the root or one brought in by {@code include}.
 *
 * @param name the path relative to the root schema's directory (QEMU's module name)
 * @param path the path as it was opened
 * @param includedFrom the include directive that brought it in, or {@code null} for the root
 */
public record Module(String name, String path, @Nullable SourceLocation includedFrom) {}
