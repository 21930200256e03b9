package io.qapi4j.cli;

import io.qapi4j.validator.Violation;
import io.qapi4j.validator.ViolationCode;
import io.qapi4j.validator.capture.CaptureFinding;
import io.qapi4j.validator.capture.CaptureSummary;
import io.qapi4j.validator.capture.MessageRef;
import io.qapi4j.validator.capture.Unparsed;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Prints {@code validate}'s one JSON document, streaming: each violation is written (one a line)
 * as soon as it is found, so memory stays bounded however many there are; the malformed pieces
 * come after them, the first {@value #UNPARSED_KEPT} kept in memory until then (the rest counted
 * as {@code unparsedNotListed}); the counts close the document.
 *
 * <pre>{@code
 * {"violations": [
 *   {"source", "index", "line", "direction", "kind", "name", "pointer", "path", "code", "message",
 *    "severity"},
 *   ...],
 *  "unparsed": [{"source", "line", "column", "message"}, ...],
 *  "messages": n,
 *  "summary": {"errors", "warnings", "infos", "unparsed", "unparsedNotListed",
 *              "byCode": {CODE: n},
 *              "captures": [{"source", "format", "schema", "bytes", "messages", ...}]},
 *  "error": "..."}     <- only when the run stopped early (an I/O error) or validated nothing
 *                         (a missing capture, an unusable schema source)
 * }</pre>
 */
final class JsonValidateReport implements ValidateReport {

  static final int UNPARSED_KEPT = 10_000;

  private final PrintWriter out;
  private final boolean live;
  private final JsonMapper mapper = JsonMapper.shared();
  private final List<Unparsed> unparsed = new ArrayList<>();
  private long unparsedNotListed;
  private boolean firstViolation = true;

  JsonValidateReport(PrintWriter out, boolean live) {
    this.out = out;
    this.live = live;
    out.print("{\"violations\": [");
  }

  @Override
  public synchronized void finding(CaptureFinding finding) {
    out.print(firstViolation ? "\n  " : ",\n  ");
    firstViolation = false;
    out.print(mapper.writeValueAsString(violation(finding)));
    if (live) {
      out.flush();
    }
  }

  @Override
  public synchronized void unparsed(Unparsed item) {
    if (unparsed.size() < UNPARSED_KEPT) {
      unparsed.add(item);
    } else {
      unparsedNotListed++;
    }
  }

  private ObjectNode violation(CaptureFinding finding) {
    MessageRef m = finding.message();
    Violation v = finding.violation();
    ObjectNode node = mapper.createObjectNode();
    node.put("source", m.source());
    node.put("index", m.index());
    node.put("line", m.line());
    node.put("direction", m.direction().arrow());
    node.put("kind", Severities.name(m.kind()));
    node.put("name", m.name());
    node.put("pointer", v.pointer());
    node.put("path", v.path());
    node.put("code", v.code().name());
    node.put("message", v.message());
    node.put("severity", Severities.name(v.severity()));
    return node;
  }

  @Override
  public synchronized void finish(ValidateTotals totals, @Nullable String error) {
    out.print(firstViolation ? "],\n" : "\n],\n");
    out.print("\"unparsed\": [");
    for (int i = 0; i < unparsed.size(); i++) {
      Unparsed u = unparsed.get(i);
      ObjectNode node = mapper.createObjectNode();
      node.put("source", u.source());
      node.put("line", u.line());
      node.put("column", u.column());
      node.put("message", u.message());
      out.print((i == 0 ? "\n  " : ",\n  ") + mapper.writeValueAsString(node));
    }
    out.print(unparsed.isEmpty() ? "],\n" : "\n],\n");
    out.print("\"messages\": " + totals.messages() + ",\n");
    out.print("\"summary\": " + mapper.writeValueAsString(summary(totals)));
    if (error != null) {
      out.print(",\n\"error\": " + mapper.writeValueAsString(error));
    }
    out.print("}\n");
    out.flush();
  }

  private ObjectNode summary(ValidateTotals totals) {
    ObjectNode s = mapper.createObjectNode();
    s.put("errors", totals.errors());
    s.put("warnings", totals.warnings());
    s.put("infos", totals.infos());
    s.put("unparsed", totals.unparsed());
    s.put("unparsedNotListed", unparsedNotListed);
    putCounts(s.putObject("byCode"), totals.byCode());
    var captures = s.putArray("captures");
    for (ValidateTotals.Capture c : totals.captures()) {
      CaptureSummary cs = c.summary();
      ObjectNode node = captures.addObject();
      node.put("source", cs.source());
      node.put("format", cs.format().label());
      node.put("schema", c.schema());
      node.put("bytes", cs.bytes());
      node.put("messages", cs.messages());
      node.put("unparsed", cs.unparsed());
      node.put("textLines", cs.textLines());
      node.put("otherValues", cs.otherValues());
      node.put("syncBytes", cs.syncBytes());
      node.put("filteredGreetings", cs.filteredGreetings());
      node.put("placeholders", cs.placeholders());
      node.put("sessions", cs.sessions());
      node.put("uncorrelatedReplies", cs.uncorrelatedReplies());
      node.put("errors", cs.errors());
      node.put("warnings", cs.warnings());
      node.put("infos", cs.infos());
      putCounts(node.putObject("byCode"), cs.byCode());
    }
    return s;
  }

  private static void putCounts(ObjectNode node, Map<ViolationCode, Long> counts) {
    counts.forEach((code, n) -> node.put(code.name(), n));
  }
}
