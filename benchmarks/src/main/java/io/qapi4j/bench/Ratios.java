package io.qapi4j.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prints the ratios of a JMH run's scores (its {@code -rf json} result file): every benchmark
 * against each baseline of its class — the methods named {@code baseline...} or {@code a_...} —
 * and any further pairs named on the command line. Each ratio comes twice: of the means, with its
 * error from the two scores' errors (relative errors added in quadrature), and of the best
 * iterations (the minima), which on a machine shared with other work compare the two under the
 * least disturbed conditions either met.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.qapi4j.bench.Ratios [--metric cpu.worker.norm] \
 *     results.json [c_networknt/b_nativeTreeWalk ...]
 * </pre>
 *
 * <p>{@code --metric} takes the ratios of a secondary result (such as {@link CpuTimeProfiler}'s)
 * instead of the score.
 */
public final class Ratios {
  private Ratios() {}

  /** A benchmark's mean, error (99.9% confidence half-width) and best iteration, in its unit. */
  private record Score(String name, double mean, double error, double min, String unit) {}

  /** Prints the ratios of a result file; see the class comment for the arguments. */
  public static void main(String[] args) {
    List<String> rest = new ArrayList<>(List.of(args));
    String metric = null;
    if (rest.size() >= 2 && rest.get(0).equals("--metric")) {
      metric = rest.get(1);
      rest = rest.subList(2, rest.size());
    }
    if (rest.isEmpty()) {
      System.err.println("usage: Ratios [--metric NAME] RESULT.json [BENCHMARK/BASELINE ...]");
      System.exit(2);
    }
    Map<String, List<Score>> byClass = new LinkedHashMap<>();
    for (JsonNode run : JsonMapper.shared().readTree(Path.of(rest.get(0)).toFile())) {
      String full = run.get("benchmark").asString();
      int dot = full.lastIndexOf('.');
      String cls = full.substring(full.lastIndexOf('.', dot - 1) + 1, dot);
      JsonNode m = metric == null ? run.get("primaryMetric") : run.path("secondaryMetrics")
          .path(metric);
      if (m.isMissingNode()) {
        continue;
      }
      double min = Double.MAX_VALUE;
      for (JsonNode fork : m.path("rawData")) {
        for (JsonNode iteration : fork) {
          min = Math.min(min, iteration.asDouble());
        }
      }
      byClass.computeIfAbsent(cls, k -> new ArrayList<>()).add(new Score(full.substring(dot + 1),
          m.get("score").asDouble(), m.get("scoreError").asDouble(), min,
          m.get("scoreUnit").asString()));
    }
    for (var e : byClass.entrySet()) {
      System.out.println(e.getKey() + (metric == null ? "" : " (" + metric + ")") + ":");
      for (Score s : e.getValue()) {
        System.out.printf(Locale.ROOT, "  %-30s %12.3f ± %-10.3f min %12.3f %s%n", s.name(),
            s.mean(), s.error(), s.min(), s.unit());
      }
      for (Score base : e.getValue()) {
        if (base.name().startsWith("baseline") || base.name().startsWith("a_")) {
          for (Score s : e.getValue()) {
            if (s != base) {
              print(s, base);
            }
          }
        }
      }
      for (String pair : rest.subList(1, rest.size())) {
        String[] names = pair.split("/");
        Score a = find(e.getValue(), names[0]);
        Score b = find(e.getValue(), names[1]);
        if (a != null && b != null) {
          print(a, b);
        }
      }
    }
  }

  private static @Nullable Score find(List<Score> scores, String name) {
    return scores.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
  }

  private static void print(Score s, Score base) {
    double r = s.mean() / base.mean();
    double err = r * Math.hypot(s.error() / s.mean(), base.error() / base.mean());
    System.out.printf(Locale.ROOT, "  %-30s / %-28s = %6.2f ± %.2f (best iterations: %.2f)%n",
        s.name(), base.name(), r, err, s.min() / base.min());
  }
}
