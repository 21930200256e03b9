package io.qapi4j.validator.mutation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Mutants counted by kind and by a group of the tests' choosing (a corpus group, a message kind),
 * shown as a table: one row per kind, one column per group, with totals.
 */
public final class MutantTally {

  private final Map<String, Map<MutationKind, Integer>> counts = new LinkedHashMap<>();

  /** Counts one mutant of {@code kind} in {@code group}. */
  public void add(String group, MutationKind kind) {
    counts.computeIfAbsent(group, g -> new EnumMap<>(MutationKind.class))
        .merge(kind, 1, Integer::sum);
  }

  /** The mutants of {@code kind} in {@code group}. */
  public int count(String group, MutationKind kind) {
    return counts.getOrDefault(group, Map.of()).getOrDefault(kind, 0);
  }

  /** The groups, in the order they were first counted. */
  public Set<String> groups() {
    return counts.keySet();
  }

  /** The kinds counted in {@code group}. */
  public Set<MutationKind> kinds(String group) {
    return counts.getOrDefault(group, Map.of()).keySet();
  }

  /** The kinds counted in any group. */
  public Set<MutationKind> kinds() {
    Set<MutationKind> all = EnumSet.noneOf(MutationKind.class);
    counts.values().forEach(m -> all.addAll(m.keySet()));
    return all;
  }

  /** The table, kinds down and groups across, with a total row and (for several groups) column. */
  public String table() {
    List<String> columns = new ArrayList<>(counts.keySet());
    boolean totalColumn = columns.size() > 1;
    int width = 8;
    for (String c : columns) {
      width = Math.max(width, c.length() + 2);
    }
    StringBuilder b = new StringBuilder(String.format("  %-22s", ""));
    for (String c : columns) {
      b.append(String.format("%" + width + "s", c));
    }
    b.append(totalColumn ? String.format("%" + width + "s", "total") : "").append('\n');
    for (MutationKind k : MutationKind.values()) {
      row(b, k.name(), columns, width, totalColumn, g -> count(g, k));
    }
    row(b, "total", columns, width, totalColumn,
        g -> counts.get(g).values().stream().mapToInt(Integer::intValue).sum());
    return b.toString();
  }

  private static void row(StringBuilder b, String label, List<String> columns, int width,
      boolean totalColumn, ToIntFunction<String> cell) {
    b.append(String.format("  %-22s", label));
    int sum = 0;
    for (String c : columns) {
      int n = cell.applyAsInt(c);
      sum += n;
      b.append(String.format("%," + width + "d", n));
    }
    b.append(totalColumn ? String.format("%," + width + "d", sum) : "").append('\n');
  }
}
