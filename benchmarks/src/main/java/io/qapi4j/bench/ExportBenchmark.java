package io.qapi4j.bench;

import io.qapi4j.jsonschema.Draft;
import io.qapi4j.jsonschema.JsonSchemaExporter;
import io.qapi4j.jsonschema.JsonText;
import io.qapi4j.model.Schema;
import io.qapi4j.model.read.SchemaReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 3: export of QEMU master's QMP schema to JSON Schema, warm (target: at most 50 ms), with
 * a baseline measured in the same run: deep-copying the exported bundle (a tree of the same size
 * built without any thought).
 */
public class ExportBenchmark extends MasterSchemaBenchmark {

  private Schema master;
  private JsonSchemaExporter exporter;
  private JsonSchemaExporter lenient07;
  private ObjectNode bundle;

  /** Reads the schema once. */
  @Setup
  public void setup() {
    master = SchemaReader.compat().read(BenchData.shared(schema)).orElseThrow();
    exporter = JsonSchemaExporter.builder().id("master").build();
    lenient07 = JsonSchemaExporter.builder().id("master").draft(Draft.DRAFT_07).lenientOutput(true)
        .build();
    bundle = exporter.export(master);
  }

  /** The bundle of master, draft 2020-12. */
  @Benchmark
  public ObjectNode exportMaster() {
    return exporter.export(master);
  }

  /** The bundle of master, draft-07 with lenient output (the most definitions). */
  @Benchmark
  public ObjectNode exportMasterDraft07Lenient() {
    return lenient07.export(master);
  }

  /** The bundle of master as text, as the CLI writes it. */
  @Benchmark
  public String exportMasterAsText() {
    return JsonText.pretty(exporter.export(master));
  }

  /** Baseline: a deep copy of the bundle. */
  @Benchmark
  public ObjectNode baselineDeepCopyOfTheBundle() {
    return bundle.deepCopy();
  }
}
