package io.qapi4j.model.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.model.AlternateType;
import io.qapi4j.model.Command;
import io.qapi4j.model.Definition;
import io.qapi4j.model.DefinitionKind;
import io.qapi4j.model.Diagnostic;
import io.qapi4j.model.EnumType;
import io.qapi4j.model.Event;
import io.qapi4j.model.SchemaResult;
import io.qapi4j.model.StructType;
import io.qapi4j.model.UnionType;
import io.qapi4j.testing.KindCounts;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every QEMU release's schemas (1.0 to 10.2) and current master: zero errors in compat mode, master
 * also in strict mode, and the definition counts of releases/MANIFEST.tsv.
 */
class QemuReleasesTest {

  static Stream<Arguments> releaseRows() throws IOException {
    Path manifest = SharedData.shared("qemu-qapi/releases/MANIFEST.tsv");
    List<String> lines = Files.readAllLines(manifest);
    String[] header = lines.get(0).split("\t");
    List<Arguments> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split("\t");
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.length; i++) {
        row.put(header[i], fields[i]);
      }
      rows.add(Arguments.of(row.get("release"), row));
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("releaseRows")
  void everyRootOfEveryReleaseChecksCleanInCompatModeWithTheManifestsCounts(
      String release, Map<String, String> row) {
    Path dir = SharedData.shared("qemu-qapi/releases").resolve(release);
    // A file's definitions are counted once, whichever roots include it (as MANIFEST.tsv does).
    Map<String, Definition> unique = new LinkedHashMap<>();
    for (String column : List.of("qmp_root", "qga_root", "storage_daemon_root")) {
      String root = row.get(column);
      if (root.equals("-")) {
        continue;
      }
      SchemaResult result = SchemaReader.compat().read(dir.resolve(root));
      assertThat(result.errors()).as("%s %s", release, root).extracting(Diagnostic::text).isEmpty();
      for (Definition d : result.orElseThrow().definitions()) {
        unique.putIfAbsent(Path.of(d.location().file()).toAbsolutePath().normalize() + "#" + d.name(), d);
      }
    }
    Map<String, Integer> ours = new LinkedHashMap<>();
    for (String k : List.of("struct", "enum", "union", "union_anon", "union_simple", "alternate",
        "command", "event")) {
      ours.put(k, 0);
    }
    for (Definition d : unique.values()) {
      ours.merge(manifestColumn(d), 1, Integer::sum);
    }
    Map<String, Integer> manifest = new LinkedHashMap<>();
    ours.keySet().forEach(k -> manifest.put(k, Integer.parseInt(row.get(k))));
    assertThat(ours).as(release).isEqualTo(manifest);
  }

  /** MANIFEST.tsv's classification: anonymous and simple unions are counted apart. */
  private static String manifestColumn(Definition d) {
    if (d instanceof StructType) {
      return "struct";
    }
    if (d instanceof EnumType) {
      return "enum";
    }
    if (d instanceof UnionType u) {
      return u.isFlat() ? "union" : "union_simple";
    }
    if (d instanceof AlternateType a) {
      return a.anonymousUnion() ? "union_anon" : "alternate";
    }
    if (d instanceof Command) {
      return "command";
    }
    if (d instanceof Event) {
      return "event";
    }
    throw new AssertionError(d);
  }

  static Stream<Arguments> masterRoots() {
    return Stream.of(
        Arguments.of("qapi/qapi-schema.json", KindCounts.of(182, 478, 43, 6, 243, 57)),
        Arguments.of("qga/qapi-schema.json", KindCounts.of(8, 34, 3, 2, 44, 0)),
        Arguments.of("storage-daemon/qapi/qapi-schema.json", KindCounts.of(79, 260, 25, 5, 77, 13)));
  }


  @ParameterizedTest(name = "{0}")
  @MethodSource("masterRoots")
  void masterChecksCleanInStrictAndCompatMode(String root, Map<DefinitionKind, Integer> counts) {
    Path path = SharedData.shared("qemu-qapi/master").resolve(root);
    for (SchemaReader reader : List.of(SchemaReader.strict(), SchemaReader.compat())) {
      SchemaResult result = reader.read(path);
      assertThat(result.errors()).as(reader.dialect().toString()).extracting(Diagnostic::text).isEmpty();
      assertThat(result.warnings()).as(reader.dialect().toString()).isEmpty();
      assertThat(result.orElseThrow().countsByKind()).isEqualTo(counts);
    }
  }

  @Test
  void masterQmpAndQgaTogetherMatchTheTotalsOfTheSharedReadme() {
    // ../shared/qemu-qapi/README.md counts master's qapi/ and qga/ files together.
    Map<DefinitionKind, Integer> total = new LinkedHashMap<>();
    for (String root : List.of("qapi/qapi-schema.json", "qga/qapi-schema.json")) {
      SchemaReader.strict().read(SharedData.shared("qemu-qapi/master").resolve(root)).orElseThrow()
          .countsByKind().forEach((k, v) -> total.merge(k, v, Integer::sum));
    }
    assertThat(total).isEqualTo(KindCounts.of(190, 512, 46, 8, 287, 57));
  }
}
