package io.qapi4j.dsl.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The code blocks of {@code dsl/README.md} marked {@code <!-- readme: NAME -->} are exactly the
 * regions {@code // readme:begin NAME} ... {@code // readme:end} of the tests in this package
 * (Java and Kotlin), which compile and run: so the README's examples are compiled as tests.
 */
class ReadmeTest {

  @Test
  void everyReadmeExampleIsTestedCode() throws IOException {
    Path dsl = SharedData.projectRoot().resolve("dsl");
    Map<String, String> readme = readmeBlocks(dsl.resolve("README.md"));
    Map<String, String> regions = new LinkedHashMap<>();
    for (String dir : List.of("src/test/java/io/qapi4j/dsl/readme", "src/test/kotlin/io/qapi4j/dsl/readme")) {
      try (Stream<Path> files = Files.list(dsl.resolve(dir))) {
        for (Path f : files.sorted().toList()) {
          regions.putAll(regions(f));
        }
      }
    }
    assertThat(readme.keySet()).containsExactlyInAnyOrderElementsOf(regions.keySet());
    for (Map.Entry<String, String> e : readme.entrySet()) {
      assertThat(e.getValue()).as("README example '%s'", e.getKey()).isEqualTo(regions.get(e.getKey()));
    }
  }

  private static Map<String, String> readmeBlocks(Path readme) throws IOException {
    Map<String, String> blocks = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(readme);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.startsWith("<!-- readme: ") && line.endsWith(" -->")) {
        String name = line.substring("<!-- readme: ".length(), line.length() - 4).strip();
        int j = i + 1;
        assertThat(lines.get(j)).as("fence after %s", name).startsWith("```");
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

  private static Map<String, String> regions(Path file) throws IOException {
    Map<String, String> regions = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(file);
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

  private static String dedent(List<String> lines) {
    int indent = lines.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    return String.join("\n", lines.stream()
        .map(l -> l.isBlank() ? "" : l.substring(indent)).toList());
  }
}
