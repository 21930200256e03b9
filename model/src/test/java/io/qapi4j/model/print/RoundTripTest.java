package io.qapi4j.model.print;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.model.Diagnostic;
import io.qapi4j.model.Module;
import io.qapi4j.model.Schema;
import io.qapi4j.model.SchemaDiff;
import io.qapi4j.model.SchemaResult;
import io.qapi4j.model.read.SchemaReader;
import io.qapi4j.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every schema we have — the seeds, the QMP, QGA and storage-daemon roots of every QEMU release
 * from 1.0 to 10.2, and today's master — read (compat), printed, and read back (compat) gives a
 * model equal to the first, documentation included; today's schemas also read back in the strict
 * dialect without a single error, doc-comment format checks included.
 *
 * <p>No schema needs its documentation ignored: pre-2.9 comments that today's doc syntax cannot
 * read come back as the same free text, because the printer writes them in their old form (see
 * {@link SchemaPrinter}).
 */
class RoundTripTest {

  private static final SchemaPrinter PRINTER = SchemaPrinter.builder().build();
  private static final List<String> SEEDS = List.of(
      "000-qmp-qapi-schema-v1.1-era.json",
      "001-qmp-qapi-schema-v1.7-era.json",
      "002-qmp-qapi-schema-v1.1-era-b.json",
      "003-qmp-misc-v6-era.json",
      "004-qga-qapi-schema.json");
  private static final List<String> MASTER_ROOTS = List.of(
      "qapi/qapi-schema.json", "qga/qapi-schema.json", "storage-daemon/qapi/qapi-schema.json");
  /** 44 releases: 44 QMP roots, 44 QGA roots, 18 storage-daemon roots (5.0 onwards). */
  private static final int RELEASE_ROOTS = 106;

  @TestFactory
  Stream<DynamicTest> seedsRoundTrip() {
    return SEEDS.stream().map(name -> DynamicTest.dynamicTest(name,
        () -> assertRoundTrips(SharedData.testdata("seeds/" + name), false)));
  }

  @TestFactory
  Stream<DynamicTest> releasesRoundTrip() throws IOException {
    List<Path> roots = releaseRoots();
    assertThat(roots).hasSize(RELEASE_ROOTS);
    Path releases = SharedData.shared("qemu-qapi/releases");
    return roots.stream().map(root -> DynamicTest.dynamicTest(
        releases.relativize(root).toString(), () -> assertRoundTrips(root, false)));
  }

  @TestFactory
  Stream<DynamicTest> masterRoundTripsAndReadsBackStrict() {
    Path master = SharedData.shared("qemu-qapi/master");
    return MASTER_ROOTS.stream().map(root -> DynamicTest.dynamicTest(root,
        () -> assertRoundTrips(master.resolve(root), true)));
  }

  @TestFactory
  Stream<DynamicTest> modulesRoundTrip() {
    Path master = SharedData.shared("qemu-qapi/master");
    return Stream.of(
        DynamicTest.dynamicTest("seed 003 (includes common.json)", () -> assertModulesRoundTrip(
            SharedData.testdata("seeds/003-qmp-misc-v6-era.json"), false)),
        DynamicTest.dynamicTest("master qapi", () -> assertModulesRoundTrip(
            master.resolve("qapi/qapi-schema.json"), true)),
        DynamicTest.dynamicTest("master storage-daemon (includes ../../qapi/)",
            () -> assertModulesRoundTrip(
                master.resolve("storage-daemon/qapi/qapi-schema.json"), true)));
  }

  private static void assertRoundTrips(Path root, boolean strictToo) {
    Schema original = read(SchemaReader.compat().read(root), root);
    String printed = PRINTER.print(original);
    Schema reread = read(SchemaReader.compat().readText("printed.json", printed), root);
    assertThat(SchemaDiff.differences(original, reread))
        .as("differences after printing and re-reading %s", root)
        .isEmpty();
    if (strictToo) {
      assertThat(SchemaReader.strict().readText("printed.json", printed).errors())
          .as("strict errors in %s printed", root)
          .extracting(Diagnostic::text)
          .isEmpty();
    }
  }

  private static void assertModulesRoundTrip(Path root, boolean strictToo) {
    Schema original = read(SchemaReader.compat().read(root), root);
    Map<String, String> modules = PRINTER.printModules(original);
    assertThat(modules).hasSameSizeAs(original.modules());
    Schema reread = read(PrintedModules.read(SchemaReader.compat(), modules), root);
    assertThat(SchemaDiff.differences(original, reread)).isEmpty();
    assertThat(reread.modules()).extracting(Module::name)
        .containsExactlyElementsOf(modules.keySet());
    if (strictToo) {
      assertThat(PrintedModules.read(SchemaReader.strict(), modules).errors())
          .extracting(Diagnostic::text)
          .isEmpty();
    }
  }

  private static Schema read(SchemaResult result, Path root) {
    assertThat(result.errors()).as("errors reading %s", root).extracting(Diagnostic::text)
        .isEmpty();
    return result.orElseThrow();
  }

  /** The qmp_root, qga_root and storage_daemon_root of every release in MANIFEST.tsv. */
  private static List<Path> releaseRoots() throws IOException {
    Path releases = SharedData.shared("qemu-qapi/releases");
    List<String> lines = Files.readAllLines(releases.resolve("MANIFEST.tsv"));
    List<String> header = List.of(lines.get(0).split("\t"));
    List<Integer> columns = Stream.of("qmp_root", "qga_root", "storage_daemon_root")
        .map(header::indexOf).toList();
    assertThat(columns).doesNotContain(-1);
    List<Path> roots = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split("\t");
      for (int column : columns) {
        if (!fields[column].equals("-")) {
          roots.add(releases.resolve(fields[0]).resolve(fields[column]));
        }
      }
    }
    return roots;
  }
}
