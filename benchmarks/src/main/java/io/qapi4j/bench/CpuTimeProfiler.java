package io.qapi4j.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation, beside JMH's wall-clock score: {@code -prof io.qapi4j.bench.CpuTimeProfiler}.
 * On a machine shared with other builds, the benchmark thread waits for a core for part of every
 * iteration, which the wall-clock score counts and CPU time does not; so in a loaded run the
 * ratios of CPU times are the ones to trust.
 *
 * <ul>
 *   <li>{@code cpu.worker.norm}: CPU time of the benchmark's own threads ({@code ...-jmh-worker-N}),
 *       in nanoseconds per operation;
 *   <li>{@code cpu.process.norm}: CPU time of the whole benchmark JVM per operation, which adds
 *       the garbage collector's work (the cost of allocation) and the JIT compiler's.
 * </ul>
 */
public final class CpuTimeProfiler implements InternalProfiler {

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final OperatingSystemMXBean os =
      ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
  private Map<Long, Long> workersBefore = Map.of();
  private long processBefore;

  @Override
  public String getDescription() {
    return "CPU time per operation: the benchmark threads', and the whole JVM's";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
    workersBefore = workerCpuTimes();
    processBefore = os.getProcessCpuTime();
  }

  @Override
  public Collection<? extends Result> afterIteration(BenchmarkParams benchmark,
      IterationParams iteration, IterationResult result) {
    long process = os.getProcessCpuTime() - processBefore;
    long workers = 0;
    for (var e : workerCpuTimes().entrySet()) {
      workers += e.getValue() - workersBefore.getOrDefault(e.getKey(), 0L);
    }
    double ops = result.getMetadata().getAllOps();
    if (ops == 0) {
      return List.of();
    }
    return List.of(
        new ScalarResult("cpu.worker.norm", workers / ops, "ns/op", AggregationPolicy.AVG),
        new ScalarResult("cpu.process.norm", process / ops, "ns/op", AggregationPolicy.AVG));
  }

  /** The CPU time so far of each benchmark thread, by thread id. */
  private Map<Long, Long> workerCpuTimes() {
    Map<Long, Long> out = new HashMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().contains("jmh-worker")) {
        long cpu = threads.getThreadCpuTime(info.getThreadId());
        if (cpu >= 0) {
          out.put(info.getThreadId(), cpu);
        }
      }
    }
    return out;
  }
}
