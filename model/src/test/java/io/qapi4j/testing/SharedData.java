package io.qapi4j.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where tests find their data: the project's own {@code testdata/}, and the third-party data in
 * {@code ../shared} (QEMU's schemas, captured traffic), which is never copied into the project.
 *
 * <p>A test that needs {@code ../shared} is skipped with a clear message when it is absent (a
 * fresh clone), unless the environment variable {@code QAPI4J_REQUIRE_SHARED} is set, as
 * {@code .ci/run} does: then its absence fails the test, so CI can never pass by skipping.
 */
public final class SharedData {
  private SharedData() {}

  /** The repository root. */
  public static Path projectRoot() {
    String root = System.getProperty("qapi4j.root");
    if (root != null) {
      return Path.of(root).toAbsolutePath().normalize();
    }
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("testdata"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("cannot find the project root (no testdata/ above "
          + Path.of("").toAbsolutePath() + ")");
    }
    return p;
  }

  /** {@code testdata/RELATIVE} of the project. */
  public static Path testdata(String relative) {
    return projectRoot().resolve("testdata").resolve(relative);
  }

  /** The {@code ../shared} folder, or skips (fails under CI) when it is absent. */
  public static Path shared() {
    String configured = System.getProperty("qapi4j.shared");
    Path dir = configured != null ? Path.of(configured) : projectRoot().resolve("../shared");
    dir = dir.toAbsolutePath().normalize();
    boolean present = Files.isDirectory(dir.resolve("qemu-qapi"));
    if (!present && System.getenv("QAPI4J_REQUIRE_SHARED") != null) {
      throw new AssertionError("QAPI4J_REQUIRE_SHARED is set but " + dir + " is missing");
    }
    assumeTrue(present, "skipped: third-party test data not found at " + dir
        + " (clone the project next to its 'shared' folder to run this test)");
    return dir;
  }

  /** {@code ../shared/RELATIVE}, or skips when {@code ../shared} is absent. */
  public static Path shared(String relative) {
    return shared().resolve(relative);
  }
}
