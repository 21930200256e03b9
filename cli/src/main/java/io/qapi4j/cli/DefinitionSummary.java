package io.qapi4j.cli;

import io.qapi4j.model.Definition;
import io.qapi4j.model.DefinitionKind;
import io.qapi4j.model.Module;
import io.qapi4j.model.Schema;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The user-written definitions of a schema counted per module (file) and kind, with totals.
 *
 * @param rows one row per module, root first, in the order the files were read
 * @param total the column totals
 */
public record DefinitionSummary(List<Row> rows, Row total) {

  /** The kinds in the order reports list them (the contract's {@code counts} order). */
  public static final List<DefinitionKind> KINDS = List.of(
      DefinitionKind.STRUCT, DefinitionKind.ENUM, DefinitionKind.UNION,
      DefinitionKind.ALTERNATE, DefinitionKind.COMMAND, DefinitionKind.EVENT);

  /**
   * One module's counts.
   *
   * @param module the module name (its path relative to the root schema's folder), or "total"
   * @param counts definitions per kind, every kind present
   */
  public record Row(String module, Map<DefinitionKind, Integer> counts) {

    /** Copies {@code counts}. */
    public Row {
      counts = Map.copyOf(counts);
    }

    /** The number of definitions of {@code kind}. */
    public int count(DefinitionKind kind) {
      return counts.getOrDefault(kind, 0);
    }

    /** The number of definitions of every kind. */
    public int sum() {
      return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /** Copies {@code rows}. */
  public DefinitionSummary {
    rows = List.copyOf(rows);
  }

  /** The summary of {@code schema}; {@code null} (nothing could be read) gives no rows. */
  public static DefinitionSummary of(@Nullable Schema schema) {
    Map<String, Map<DefinitionKind, Integer>> byModule = new LinkedHashMap<>();
    Map<String, String> moduleOfFile = new HashMap<>();
    if (schema != null) {
      for (Module m : schema.modules()) {
        moduleOfFile.put(m.path(), m.name());
        byModule.computeIfAbsent(m.name(), k -> zeros());
      }
      for (Definition d : schema.definitions()) {
        String file = d.location().file();
        String module = moduleOfFile.getOrDefault(file, file);
        byModule.computeIfAbsent(module, k -> zeros()).merge(d.kind(), 1, Integer::sum);
      }
    }
    Map<DefinitionKind, Integer> total = zeros();
    List<Row> rows = byModule.entrySet().stream()
        .map(e -> new Row(e.getKey(), e.getValue()))
        .toList();
    for (Row row : rows) {
      row.counts().forEach((kind, n) -> total.merge(kind, n, Integer::sum));
    }
    return new DefinitionSummary(rows, new Row("total", total));
  }

  private static Map<DefinitionKind, Integer> zeros() {
    Map<DefinitionKind, Integer> counts = new EnumMap<>(DefinitionKind.class);
    for (DefinitionKind k : DefinitionKind.values()) {
      counts.put(k, 0);
    }
    return counts;
  }
}
