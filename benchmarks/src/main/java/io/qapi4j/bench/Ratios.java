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
 * and any further pairs named on the command line, with the error of each ratio from the two
 * scores' errors (relative errors added in quadrature).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.qapi4j.bench.Ratios results.json \
 *     c_networknt/b_nativeTreeWalk
 * </pre>
 */
public final class Ratios {
  private Ratios() {}

  /** A benchmark's score and error (99.9% confidence half-width), in its unit. */
  private record Score(String name, double score, double error, String unit) {}

  /** Prints the ratios of the result file {@code args[0]}, and of the pairs {@code A/B} after it. */
  public static void main(String[] args) {
    if (args.length == 0) {
      System.err.println("usage: Ratios RESULT.json [BENCHMARK/BASELINE ...]");
      System.exit(2);
    }
    Map<String, List<Score>> byClass = new LinkedHashMap<>();
    for (JsonNode run : JsonMapper.shared().readTree(Path.of(args[0]).toFile())) {
      String full = run.get("benchmark").asString();
      int dot = full.lastIndexOf('.');
      String cls = full.substring(full.lastIndexOf('.', dot - 1) + 1, dot);
      JsonNode m = run.get("primaryMetric");
      byClass.computeIfAbsent(cls, k -> new ArrayList<>()).add(new Score(full.substring(dot + 1),
          m.get("score").asDouble(), m.get("scoreError").asDouble(), m.get("scoreUnit").asString()));
    }
    for (var e : byClass.entrySet()) {
      System.out.println(e.getKey() + ":");
      for (Score s : e.getValue()) {
        System.out.printf(Locale.ROOT, "  %-34s %10.3f ± %.3f %s%n", s.name(), s.score(), s.error(),
            s.unit());
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
      for (int i = 1; i < args.length; i++) {
        String[] pair = args[i].split("/");
        Score a = find(e.getValue(), pair[0]);
        Score b = find(e.getValue(), pair[1]);
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
    double r = s.score() / base.score();
    double err = r * Math.hypot(s.error() / s.score(), base.error() / base.score());
    System.out.printf(Locale.ROOT, "  %-34s / %-30s = %6.2f ± %.2f%n", s.name(), base.name(), r,
        err);
  }
}
