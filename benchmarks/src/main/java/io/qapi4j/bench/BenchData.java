package io.qapi4j.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the benchmarks find their data: the project's {@code testdata/} and the third-party data
 * in {@code ../shared} (QEMU's schemas), never copied into the project. Paths come from the system
 * properties {@code qapi4j.root} and {@code qapi4j.shared} when set (JMH passes them on to its
 * forks), else from the working directory and the folders above it.
 */
final class BenchData {
  private BenchData() {}

  /** The repository root: {@code qapi4j.root}, or the nearest folder up that holds testdata/. */
  static Path projectRoot() {
    String root = System.getProperty("qapi4j.root");
    if (root != null) {
      return Path.of(root).toAbsolutePath().normalize();
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("testdata"))) {
        return p;
      }
    }
    throw new IllegalStateException("cannot find the qapi4j checkout (no testdata/ in or above "
        + Path.of("").toAbsolutePath() + "); run from the checkout or set -Dqapi4j.root=DIR");
  }

  /** {@code path} as given if absolute, else relative to the repository root. */
  static Path inProject(String path) {
    Path p = Path.of(path);
    return p.isAbsolute() ? p : projectRoot().resolve(p).normalize();
  }

  /** {@code ../shared/RELATIVE}; fails with a clear message when the file is not there. */
  static Path shared(String relative) {
    String configured = System.getProperty("qapi4j.shared");
    Path dir = configured != null ? Path.of(configured) : projectRoot().resolve("../shared");
    Path file = dir.resolve(relative).toAbsolutePath().normalize();
    if (!Files.exists(file)) {
      throw new IllegalStateException("third-party benchmark data not found: " + file
          + " (clone the project next to its 'shared' folder, or set -Dqapi4j.shared=DIR)");
    }
    return file;
  }
}
