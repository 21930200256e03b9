package io.qapi4j.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Keeps a README's examples equal to tested code: a fenced block right after {@code <!-- readme:
 * NAME -->} in the README must be, line for line, the region between {@code // readme:begin NAME}
 * and {@code // readme:end} of a test source (dedented), which compiles and runs.
 */
public final class ReadmeExamples {
  private ReadmeExamples() {}

  /** The README's marked blocks by name, in order. */
  public static Map<String, String> blocks(Path readme) {
    Map<String, String> blocks = new LinkedHashMap<>();
    List<String> lines = lines(readme);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.startsWith("<!-- readme: ") && line.endsWith(" -->")) {
        String name = line.substring("<!-- readme: ".length(), line.length() - 4).strip();
        int j = i + 1;
        if (!lines.get(j).startsWith("```")) {
          throw new AssertionError(readme + ": no code fence after the marker of " + name);
        }
        List<String> body = new ArrayList<>();
        for (j++; !lines.get(j).startsWith("```"); j++) {
          body.add(lines.get(j));
        }
        blocks.put(name, String.join("\n", body));
        i = j;
      }
    }
    return blocks;
  }

  /** The marked regions of every file in {@code dirs} (those that exist), by name. */
  public static Map<String, String> regions(List<Path> dirs) {
    Map<String, String> regions = new LinkedHashMap<>();
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.sorted().toList()) {
          regions.putAll(regions(f));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return regions;
  }

  /** The marked regions of one source file, dedented, by name. */
  public static Map<String, String> regions(Path source) {
    Map<String, String> regions = new LinkedHashMap<>();
    List<String> lines = lines(source);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.startsWith("// readme:begin ")) {
        String name = line.substring("// readme:begin ".length()).strip();
        List<String> body = new ArrayList<>();
        for (i++; !lines.get(i).strip().equals("// readme:end"); i++) {
          body.add(lines.get(i));
        }
        regions.put(name, dedent(body));
      }
    }
    return regions;
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String dedent(List<String> lines) {
    int indent = lines.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    return String.join("\n", lines.stream()
        .map(l -> l.isBlank() ? "" : l.substring(indent)).toList());
  }
}
