package io.qapi4j.cli;

import io.qapi4j.validator.Violation;
import io.qapi4j.validator.ViolationCode;
import io.qapi4j.validator.capture.CaptureFinding;
import io.qapi4j.validator.capture.CaptureSummary;
import io.qapi4j.validator.capture.MessageRef;
import io.qapi4j.validator.capture.Unparsed;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON objects of {@code validate}'s and {@code proxy}'s reports: a violation, a piece of
 * malformed input, the summary — the same members in both.
 */
final class ValidateJson {
  private ValidateJson() {}

  static final JsonMapper MAPPER = JsonMapper.shared();

  /**
   * {@code {"source", "index", "line", "direction", "kind", "name", "pointer", "path", "code",
   * "message", "severity"}}.
   */
  static ObjectNode violation(CaptureFinding finding) {
    MessageRef m = finding.message();
    Violation v = finding.violation();
    ObjectNode node = MAPPER.createObjectNode();
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

  /** {@code {"source", "line", "column", "message"}}. */
  static ObjectNode unparsed(Unparsed u) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("source", u.source());
    node.put("line", u.line());
    node.put("column", u.column());
    node.put("message", u.message());
    return node;
  }

  /**
   * {@code {"errors", "warnings", "infos", "unparsed", "unparsedNotListed", "byCode",
   * "captures": [...]}}.
   */
  static ObjectNode summary(ValidateTotals totals, long unparsedNotListed) {
    ObjectNode s = MAPPER.createObjectNode();
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
