package io.qapi4j.cli;

import io.qapi4j.model.parse.SourceLoader;

/**
 * Where a command reads its schema from.
 *
 * @param path the root file's path string, shown unchanged in messages ({@code bundled/NAME} for a
 *     bundled schema)
 * @param loader reads that file and its includes
 */
public record SchemaInput(String path, SourceLoader loader) {

  /** A schema file on disk, as the user named it. */
  public static SchemaInput file(String path) {
    return new SchemaInput(path, SourceLoader.fileSystem());
  }

  /** The bundled schema {@code name} (one of {@link BundledSchemas#names()}). */
  public static SchemaInput bundled(String name) {
    return new SchemaInput(BundledSchemas.path(name), BundledSchemas.loader());
  }
}
