package io.qapi4j.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The settings of the benchmarks over a whole QEMU schema (by default master's QMP schema): time
 * per operation in milliseconds, two forks, ten measured iterations of two seconds after ten of
 * warm-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(2)
public abstract class MasterSchemaBenchmark {

  /** The schema's root file, in {@code ../shared} (QEMU's schemas) unless absolute. */
  @Param("qemu-qapi/master/qapi/qapi-schema.json")
  public String schema;
}
