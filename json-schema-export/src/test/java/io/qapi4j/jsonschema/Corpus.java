package io.qapi4j.jsonschema;

import io.qapi4j.model.Diagnostic;
import io.qapi4j.model.Schema;
import io.qapi4j.model.SchemaResult;
import io.qapi4j.model.read.SchemaReader;
import io.qapi4j.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The schemas the exporter is tested on: the seeds, every root of every QEMU release
 * (releases/MANIFEST.tsv: qmp_root, qga_root, storage_daemon_root) and master's three roots.
 * Read once per JVM.
 */
final class Corpus {

  private static final Map<Path, Schema> CACHE = new ConcurrentHashMap<>();

  private Corpus() {}

  /** A schema root and the key naming it in reports. */
  record Root(String key, Path path) {}

  static List<Root> seeds() {
    Path seeds = SharedData.testdata("seeds");
    List<Root> out = new ArrayList<>();
    for (String f : List.of("000-qmp-qapi-schema-v1.1-era.json", "001-qmp-qapi-schema-v1.7-era.json",
        "002-qmp-qapi-schema-v1.1-era-b.json", "003-qmp-misc-v6-era.json",
        "004-qga-qapi-schema.json")) {
      out.add(new Root("seed-" + f.substring(0, 3), seeds.resolve(f)));
    }
    return out;
  }

  /** Every root of every release, then master's. */
  static List<Root> qemu() {
    Path releases = SharedData.shared("qemu-qapi/releases");
    List<Root> out = new ArrayList<>();
    try {
      List<String> lines = Files.readAllLines(releases.resolve("MANIFEST.tsv"));
      List<String> header = List.of(lines.get(0).split("\t"));
      for (String line : lines.subList(1, lines.size())) {
        String[] fields = line.split("\t");
        String release = fields[header.indexOf("release")];
        for (String column : List.of("qmp_root", "qga_root", "storage_daemon_root")) {
          String root = fields[header.indexOf(column)];
          if (!root.equals("-")) {
            out.add(new Root(release + "-" + column.replace("_root", "").replace('_', '-'),
                releases.resolve(release).resolve(root)));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path master = SharedData.shared("qemu-qapi/master");
    out.add(new Root("master-qmp", master.resolve("qapi/qapi-schema.json")));
    out.add(new Root("master-qga", master.resolve("qga/qapi-schema.json")));
    out.add(new Root("master-storage-daemon", master.resolve("storage-daemon/qapi/qapi-schema.json")));
    return out;
  }

  static Path masterQmp() {
    return SharedData.shared("qemu-qapi/master/qapi/qapi-schema.json");
  }

  /** The schema at {@code root}, read in compat mode; fails on errors. */
  static Schema read(Path root) {
    return CACHE.computeIfAbsent(root.toAbsolutePath().normalize(), p -> {
      SchemaResult r = SchemaReader.compat().read(p);
      if (!r.ok()) {
        throw new AssertionError(p + ":\n" + r.errors().stream().map(Diagnostic::text)
            .collect(Collectors.joining("\n")));
      }
      return r.orElseThrow();
    });
  }

  static Map<String, Root> byKey(List<Root> roots) {
    Map<String, Root> out = new LinkedHashMap<>();
    roots.forEach(r -> out.put(r.key(), r));
    return out;
  }
}
