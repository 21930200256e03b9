package io.qapi4j.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Generates the hostile inputs the bad-input tests (in-process and subprocess) feed to check. */
final class BadSchemaFiles {

  /** Size of the large schemas: 50 MiB. */
  static final long LARGE_SIZE = 50L << 20;

  /** The last line of {@link #largeWithErrorAtEnd}: an object missing its closing brace. */
  static final String UNCLOSED_LAST_LINE = "{ 'enum': 'Last', 'data': [ 'a' ] ";

  private BadSchemaFiles() {}

  /** {@code size} seeded random bytes (never valid UTF-8 for long). */
  static Path binary(Path dir, int size) throws IOException {
    byte[] bytes = new byte[size];
    new Random(20261122).nextBytes(bytes);
    return Files.write(dir.resolve("binary.json"), bytes);
  }

  /** Brackets nested {@code depth} deep inside one top-level object, all on line 1. */
  static Path deeplyNested(Path dir, int depth) throws IOException {
    String text = "{ 'x': " + "[".repeat(depth) + "]".repeat(depth) + " }\n";
    return Files.writeString(dir.resolve("nested.json"), text);
  }

  /**
   * A valid schema of at least {@link #LARGE_SIZE} bytes shaped like a real one, only bigger:
   * documented enums (about 20,000 of them, each with a 2.5 KB doc comment).
   *
   * @return the number of definitions written
   */
  static int writeLargeValid(Path file) throws IOException {
    String paragraph = "# This paragraph documents the enumeration at some length, as QEMU's"
        + " documentation does.\n";
    int n = 0;
    long size = 0;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      while (size < LARGE_SIZE) {
        String definition = "##\n# @Enum" + n + ":\n#\n" + paragraph.repeat(30) + "##\n"
            + "{ 'enum': 'Enum" + n + "', 'data': [ 'alpha', 'beta', 'gamma' ] }\n\n";
        out.write(definition);
        size += definition.length();
        n++;
      }
    }
    return n;
  }

  /**
   * {@link #writeLargeValid} plus a last line {@link #UNCLOSED_LAST_LINE}.
   *
   * @return the number of the last line
   */
  static long writeLargeWithErrorAtEnd(Path file) throws IOException {
    writeLargeValid(file);
    Files.writeString(file, UNCLOSED_LAST_LINE + "\n", java.nio.file.StandardOpenOption.APPEND);
    long lines;
    try (var stream = Files.lines(file, StandardCharsets.UTF_8)) {
      lines = stream.count();
    }
    return lines;
  }
}
