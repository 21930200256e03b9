package io.qapi4j.dsl;

import io.qapi4j.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the line of a marker comment in a test source file, so that tests can assert the exact
 * line a diagnostic points at without hard-coding numbers that every edit would shift.
 */
public final class SourceLines {
  private SourceLines() {}

  /**
   * The 1-based line of {@code dsl/src/test/RELATIVE} that ends with the comment {@code // <--
   * MARKER}; there must be exactly one.
   */
  public static int lineOf(String relative, String marker) {
    return find(relative, line -> line.endsWith("// <-- " + marker));
  }

  /** The 1-based line of {@code dsl/src/test/RELATIVE} that is {@code text} once stripped. */
  public static int lineWith(String relative, String text) {
    return find(relative, line -> line.strip().equals(text));
  }

  private static int find(String relative, java.util.function.Predicate<String> test) {
    Path file = SharedData.projectRoot().resolve("dsl/src/test").resolve(relative);
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Integer> found = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (test.test(lines.get(i))) {
        found.add(i + 1);
      }
    }
    if (found.size() != 1) {
      throw new AssertionError("marker found " + found.size() + " times in " + file);
    }
    return found.get(0);
  }
}
