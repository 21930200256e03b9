package io.qapi4j.jsonschema;

import io.qapi4j.model.Schema;
import io.qapi4j.model.read.SchemaReader;
import io.qapi4j.testing.SharedData;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.node.ObjectNode;

/**
 * Export of QEMU master's QMP schema, warm (target: at most 50 ms), with a baseline measured in the
 * same run: deep-copying the exported bundle (a tree of the same size). Meant for the {@code
 * benchmarks/} module; until then run it from this module's test classpath:
 *
 * <pre>
 * mvn -q -pl json-schema-export -am test-compile
 * java -cp json-schema-export/target/test-classes:json-schema-export/target/classes:$(deps) \
 *     -Dqapi4j.root=$PWD org.openjdk.jmh.Main ExportBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExportBenchmark {

  private Schema master;
  private JsonSchemaExporter exporter;
  private JsonSchemaExporter lenient07;
  private ObjectNode bundle;

  /** Reads master once. */
  @Setup
  public void setup() {
    master = SchemaReader.compat()
        .read(SharedData.shared("qemu-qapi/master/qapi/qapi-schema.json")).orElseThrow();
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
