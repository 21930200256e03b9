package io.qapi4j.cli;

import io.qapi4j.model.DefinitionKind;
import java.util.List;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a {@link CheckReport} as the contract's one JSON document:
 *
 * <pre>{@code
 * {"ok": bool, "dialect": "compat"|"strict",
 *  "errors":   [{"file", "line", "col", "message", "text"}],
 *  "warnings": [...same...],
 *  "counts":   {"struct": n, "enum": n, "union": n, "alternate": n, "command": n, "event": n},
 *  "summary":  {"modules": [{"module", "struct", ..., "event", "total"}], "total": {...}}}
 * }</pre>
 *
 * <p>{@code line} and {@code col} are always numbers, 0 when unknown: QEMU gives a column only for
 * lexical and syntax errors, and an unreadable root file has no line either. {@code summary} is
 * present only with {@code --summary}. When the schema has errors, {@code counts} and {@code
 * summary} cover the definitions that could be read and checked.
 */
final class JsonCheckReport {

  /** Indented, {@code "name": value} (no space before the colon), arrays one element a line. */
  private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(
      Separators.createDefaultInstance()
          .withObjectNameValueSpacing(Separators.Spacing.AFTER)
          .withArrayEmptySeparator("")
          .withObjectEmptySeparator(""))
      .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);

  private JsonCheckReport() {}

  /** The JSON document for {@code report}, indented, ending with a newline. */
  static String render(CheckReport report, boolean summary) {
    JsonMapper mapper = JsonMapper.shared();
    ObjectNode root = mapper.createObjectNode();
    root.put("ok", report.ok());
    root.put("dialect", report.dialectName());
    putFindings(root.putArray("errors"), report.errors());
    putFindings(root.putArray("warnings"), report.warnings());
    putCounts(root.putObject("counts"), report.summary().total());
    if (summary) {
      ObjectNode node = root.putObject("summary");
      ArrayNode modules = node.putArray("modules");
      for (DefinitionSummary.Row row : report.summary().rows()) {
        ObjectNode module = modules.addObject();
        module.put("module", row.module());
        putCounts(module, row);
        module.put("total", row.sum());
      }
      ObjectNode total = node.putObject("total");
      putCounts(total, report.summary().total());
      total.put("total", report.summary().total().sum());
    }
    return mapper.writer().with(PRETTY).writeValueAsString(root) + "\n";
  }

  private static void putFindings(ArrayNode array, List<Finding> findings) {
    for (Finding f : findings) {
      ObjectNode node = array.addObject();
      node.put("file", f.file());
      node.put("line", f.line());
      node.put("col", f.column());
      node.put("message", f.message());
      node.put("text", f.text());
    }
  }

  private static void putCounts(ObjectNode node, DefinitionSummary.Row row) {
    for (DefinitionKind kind : DefinitionSummary.KINDS) {
      node.put(kind.keyword(), row.count(kind));
    }
  }
}
