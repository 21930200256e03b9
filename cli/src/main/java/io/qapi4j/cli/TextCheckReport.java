package io.qapi4j.cli;

import io.qapi4j.model.DefinitionKind;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Prints a {@link CheckReport} for people: the errors in QEMU's format, the warnings (or their
 * count), optionally the summary table, then a one-line verdict.
 */
final class TextCheckReport {

  private TextCheckReport() {}

  /**
   * Prints {@code report}: the findings and verdict to {@code out}; an unreadable root file (an
   * I/O error rather than a finding) to {@code err} only.
   */
  static void print(CheckReport report, boolean listWarnings, boolean summary,
      PrintWriter out, PrintWriter err) {
    if (report.rootUnreadable()) {
      err.println("qapi4j: " + report.errors().get(0).message());
      return;
    }
    if (listWarnings) {
      report.warnings().forEach(w -> out.println(w.text()));
    }
    report.errors().forEach(e -> out.println(e.text()));
    if (!listWarnings && !report.warnings().isEmpty()) {
      out.println(plural(report.warnings().size(), "warning") + " not shown (--warnings lists "
          + (report.warnings().size() == 1 ? "it" : "them") + ")");
    }
    if (summary) {
      printSummary(report.summary(), out);
    }
    if (report.empty()) {
      out.println("note: " + report.schemaPath()
          + " defines nothing (QEMU accepts an empty schema)");
    }
    out.println(verdict(report));
  }

  /** {@code FILE: ok, 213 definitions (90 struct, ...), 227 warnings, compat dialect}. */
  static String verdict(CheckReport report) {
    StringBuilder line = new StringBuilder(report.schemaPath()).append(": ");
    if (report.ok()) {
      DefinitionSummary.Row total = report.summary().total();
      line.append("ok, ").append(plural(total.sum(), "definition")).append(" (")
          .append(DefinitionSummary.KINDS.stream()
              .map(k -> total.count(k) + " " + k.keyword())
              .collect(Collectors.joining(", ")))
          .append(')');
    } else {
      line.append(plural(report.errors().size(), "error"));
    }
    return line.append(", ").append(plural(report.warnings().size(), "warning"))
        .append(", ").append(report.dialectName()).append(" dialect").toString();
  }

  /** The table of definitions per module (rows) and kind (columns), with totals. */
  static void printSummary(DefinitionSummary summary, PrintWriter out) {
    int nameWidth = "module".length();
    for (DefinitionSummary.Row row : summary.rows()) {
      nameWidth = Math.max(nameWidth, row.module().length());
    }
    String nameFormat = "%-" + nameWidth + "s";
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, nameFormat, "module"));
    for (DefinitionKind kind : DefinitionSummary.KINDS) {
      header.append("  ").append(kind.keyword());
    }
    out.println(header.append("  total"));
    for (DefinitionSummary.Row row : summary.rows()) {
      out.println(summaryLine(row, nameFormat));
    }
    out.println(summaryLine(summary.total(), nameFormat));
  }

  private static String summaryLine(DefinitionSummary.Row row, String nameFormat) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, nameFormat, row.module()));
    for (DefinitionKind kind : DefinitionSummary.KINDS) {
      String width = String.valueOf(kind.keyword().length());
      line.append("  ").append(String.format(Locale.ROOT, "%" + width + "d", row.count(kind)));
    }
    return line.append("  ").append(String.format(Locale.ROOT, "%5d", row.sum())).toString();
  }

  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
