package io.qapi4j.model.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.model.Diagnostic;
import io.qapi4j.model.SchemaResult;
import io.qapi4j.model.read.SchemaReader;
import io.qapi4j.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The strict dialect against the project's own schema suite ({@code testdata/schemas}).
 *
 * <p>{@code bad/NAME.json} must be rejected, and our first error must read exactly like {@code
 * bad/NAME.err}: QEMU's own message, recorded by running QEMU's front end from inside {@code bad/}
 * on the bare file name (so paths come out relative, as QEMU's test-qapi.py shows them). We read
 * the case by its full path and strip the directory the same way test-qapi.py does. A {@code
 * .err} without a {@code .json} is a schema that does not exist. Files under {@code bad/include/}
 * are only ever included by cases.
 *
 * <p>Every {@code good/*.json} must be accepted without error.
 */
class StrictSchemaSuiteTest {

  private static final Path BAD = SharedData.testdata("schemas/bad");
  private static final Path GOOD = SharedData.testdata("schemas/good");

  /**
   * The rule groups of qapi-language.md §12 and the case-name prefixes that belong to them. Every
   * case must belong to a group and every group must have cases, so the suite cannot shrink to
   * nothing unnoticed.
   */
  private static final Map<String, List<String>> GROUPS = groups();

  private static Map<String, List<String>> groups() {
    Map<String, List<String>> g = new LinkedHashMap<>();
    g.put("lexical/syntax", List.of("lex-"));
    g.put("top-level shape", List.of("top-"));
    g.put("keys", List.of("keys-"));
    g.put("naming", List.of("name-"));
    g.put("clashes/redefinition", List.of("clash-"));
    g.put("unions/bases", List.of("union-"));
    g.put("alternates", List.of("alt-"));
    g.put("commands/events", List.of("command-", "event-"));
    g.put("unknown types", List.of("unknown-"));
    g.put("features", List.of("feature-"));
    g.put("if conditions", List.of("if-"));
    g.put("pragmas", List.of("pragma-"));
    g.put("includes/files", List.of("include-", "missing-"));
    g.put("doc comments", List.of("doc-"));
    return g;
  }

  static List<String> badCases() {
    return names(BAD, ".err");
  }

  static List<String> goodCases() {
    return names(GOOD, ".json");
  }

  private static List<String> names(Path dir, String suffix) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(suffix))
          .map(n -> n.substring(0, n.length() - suffix.length()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCases")
  void badSchemaFailsWithQemusFirstError(String name) throws IOException {
    String err = Files.readString(BAD.resolve(name + ".err"), StandardCharsets.UTF_8);
    assertThat(err).as("%s.err ends with one newline", name).endsWith("\n").doesNotEndWith("\n\n");
    String expected = err.substring(0, err.length() - 1);

    SchemaResult result = SchemaReader.strict().read(BAD.resolve(name + ".json").toString());

    assertThat(result.errors())
        .withFailMessage("case %s: no error; expected%n%s", name, expected)
        .isNotEmpty();
    String actual = stripDirectory(result.errors().get(0));
    assertThat(actual)
        .withFailMessage("case %s%n--- expected (%s.err)%n%s%n--- actual (first of %d errors)%n%s",
            name, name, expected, result.errors().size(), actual)
        .isEqualTo(expected);
  }

  /** As test-qapi.py: the case directory is removed wherever it appears. */
  private static String stripDirectory(Diagnostic error) {
    return error.text().replace(BAD + "/", "");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goodCases")
  void goodSchemaPasses(String name) {
    SchemaResult result = SchemaReader.strict().read(GOOD.resolve(name + ".json").toString());

    assertThat(result.errors())
        .withFailMessage("case %s: expected no error, got%n%s", name,
            result.errors().stream().map(Diagnostic::text).collect(Collectors.joining("\n")))
        .isEmpty();
    assertThat(result.ok()).isTrue();
  }

  @Test
  void suiteCoversEveryRuleGroup() {
    List<String> cases = badCases();
    assertThat(cases).as("bad cases").hasSizeGreaterThanOrEqualTo(150);
    for (Map.Entry<String, List<String>> group : GROUPS.entrySet()) {
      long count = cases.stream().filter(c -> inGroup(c, group.getValue())).count();
      assertThat(count).as("cases in group '%s' %s", group.getKey(), group.getValue())
          .isGreaterThanOrEqualTo(5);
    }
    assertThat(cases).as("cases that belong to no rule group")
        .allMatch(c -> GROUPS.values().stream().anyMatch(prefixes -> inGroup(c, prefixes)));
    assertThat(goodCases()).as("good cases").hasSizeGreaterThanOrEqualTo(25);
  }

  @Test
  void everyBadSchemaHasItsExpectedError() {
    List<String> withErr = badCases();
    assertThat(names(BAD, ".json")).as("bad/*.json without a .err (helpers go in bad/include/)")
        .allMatch(withErr::contains);
    assertThat(withErr.stream().filter(c -> !Files.exists(BAD.resolve(c + ".json"))))
        .as("cases without a schema: only the missing-root case(s)")
        .isNotEmpty()
        .allMatch(c -> c.startsWith("missing-"));
  }

  private static boolean inGroup(String name, List<String> prefixes) {
    return prefixes.stream().anyMatch(name::startsWith);
  }
}
