package io.qapi4j.dsl.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.testing.ReadmeExamples;
import io.qapi4j.testing.SharedData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The code blocks of {@code dsl/README.md} marked {@code <!-- readme: NAME -->} are exactly the
 * regions {@code // readme:begin NAME} ... {@code // readme:end} of the tests in this package
 * (Java and Kotlin), which compile and run: so the README's examples are compiled as tests.
 */
class ReadmeTest {

  @Test
  void everyReadmeExampleIsTestedCode() {
    Path dsl = SharedData.projectRoot().resolve("dsl");
    Map<String, String> readme = ReadmeExamples.blocks(dsl.resolve("README.md"));
    Map<String, String> regions = ReadmeExamples.regions(List.of(
        dsl.resolve("src/test/java/io/qapi4j/dsl/readme"),
        dsl.resolve("src/test/kotlin/io/qapi4j/dsl/readme")));

    assertThat(readme.keySet()).containsExactlyInAnyOrderElementsOf(regions.keySet());
    for (Map.Entry<String, String> e : readme.entrySet()) {
      assertThat(e.getValue()).as("README example '%s'", e.getKey()).isEqualTo(regions.get(e.getKey()));
    }
  }
}
