package io.qapi4j.validator.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.model.Schema;
import io.qapi4j.testing.SharedData;
import io.qapi4j.validator.QmpValidator;
import io.qapi4j.validator.Severity;
import io.qapi4j.validator.ViolationCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every file of {@code ../shared/corpus} validated against its schema: the exact figures per file
 * (messages, unparsed, replies to commands the capture does not show, findings by class, code and
 * severity) equal the golden file {@code testdata/corpus-figures.txt}, every finding is explained
 * by a {@link CorpusFindingClass} whose check accepts it, and the README's corpus table shows the
 * same figures. After an intended change, regenerate the golden file with {@code
 * -Dqapi4j.updateGolden=true} and review the diff (and the README table, printed on failure).
 */
class CorpusFiguresTest {

  private static final Path GOLDEN = SharedData.testdata("corpus-figures.txt");
  private static final String UNEXPLAINED = "UNEXPLAINED";

  private static List<CorpusCaptures.Validated> validated;

  @BeforeAll
  static void validateTheCorpus() {
    validated = new ArrayList<>();
    Map<Schema, QmpValidator> validators = new IdentityHashMap<>();
    for (CorpusCaptures.Capture c : CorpusCaptures.all()) {
      QmpValidator v = validators.computeIfAbsent(CorpusCaptures.schemaOf(c), QmpValidator::of);
      validated.add(CorpusCaptures.validate(c, v));
    }
  }

  /** {@code CLASS CODE severity} of a finding. */
  private static String key(CorpusCaptures.Validated capture, CaptureFinding f) {
    CorpusFindingClass c = CorpusFindingClass.of(capture, f);
    return String.format("%-22s %-18s %s", c == null ? UNEXPLAINED : c.label,
        f.violation().code(), severity(f.violation().severity()));
  }

  private static String severity(Severity s) {
    return s.name().toLowerCase(java.util.Locale.ROOT);
  }

  private static String figures() {
    StringBuilder out = new StringBuilder();
    for (CorpusCaptures.Validated v : validated) {
      CaptureSummary s = v.summary();
      out.append(String.format("%s  schema=%s messages=%d unparsed=%d uncorrelated=%d%n",
          v.capture().file(), v.capture().schema().key, s.messages(),
          s.unparsed(), s.uncorrelatedReplies()));
      Map<String, Long> groups = v.findings().stream().collect(Collectors.groupingBy(
          f -> key(v, f), TreeMap::new, Collectors.counting()));
      groups.forEach((k, n) -> out.append("  ").append(k).append(' ').append(n).append('\n'));
    }
    return out.toString();
  }

  private static String withoutComments(String text) {
    return text.lines().filter(l -> !l.startsWith("#")).map(l -> l + "\n")
        .collect(Collectors.joining());
  }

  @Test
  void theFiguresOfEveryFileAreTheGoldenOnes() throws IOException {
    String actual = figures();
    String golden = Files.readString(GOLDEN, StandardCharsets.UTF_8);
    if (Boolean.getBoolean("qapi4j.updateGolden")) {
      String header = golden.lines().takeWhile(l -> l.startsWith("#")).map(l -> l + "\n")
          .collect(Collectors.joining());
      Files.writeString(GOLDEN, header + actual, StandardCharsets.UTF_8);
      golden = header + actual;
    }
    assertThat(validated).hasSize(37);
    assertThat(actual).isEqualTo(withoutComments(golden));
  }

  @Test
  void everyFindingIsExplained() {
    List<String> unexplained = new ArrayList<>();
    for (CorpusCaptures.Validated v : validated) {
      for (CaptureFinding f : v.findings()) {
        if (CorpusFindingClass.of(v, f) == null) {
          unexplained.add(f.toString());
        }
      }
    }
    assertThat(unexplained).as("findings no class explains").isEmpty();
  }

  @Test
  void theReadmeShowsTheCorpusTable() throws IOException {
    String table = readmeTable();
    String readme = Files.readString(SharedData.projectRoot().resolve("README.md"),
        StandardCharsets.UTF_8);
    assertThat(readme).as("README.md must contain this table:\n" + table).contains(table);
  }

  /** The README's table: per file group, the figures summed. */
  private static String readmeTable() {
    StringBuilder out = new StringBuilder(
        "| files | schema | messages | unparsed | errors | warnings | infos | findings by code |\n"
            + "|---|---|---|---|---|---|---|---|\n");
    Map<String, List<CorpusCaptures.Validated>> groups = new LinkedHashMap<>();
    for (CorpusCaptures.Validated v : validated) {
      String group = v.capture().style().label + "|" + v.capture().schema().label;
      groups.computeIfAbsent(group, k -> new ArrayList<>()).add(v);
    }
    groups.forEach((group, captures) -> {
      String[] parts = group.split("\\|");
      long messages = 0;
      long unparsed = 0;
      long errors = 0;
      long warnings = 0;
      long infos = 0;
      Map<ViolationCode, Long> byCode = new EnumMap<>(ViolationCode.class);
      for (CorpusCaptures.Validated v : captures) {
        CaptureSummary s = v.summary();
        messages += s.messages();
        unparsed += s.unparsed();
        errors += s.errors();
        warnings += s.warnings();
        infos += s.infos();
        s.byCode().forEach((code, n) -> byCode.merge(code, n, Long::sum));
      }
      String codes = byCode.entrySet().stream().map(e -> "`" + e.getKey() + "` " + e.getValue())
          .collect(Collectors.joining(", "));
      out.append(String.format("| %s (%d) | %s | %,d | %d | %d | %d | %d | %s |%n", parts[0],
          captures.size(), parts[1], messages, unparsed, errors, warnings, infos,
          codes.isEmpty() ? "none" : codes));
    });
    return out.toString();
  }
}
