package io.qapi4j.cli;

import io.qapi4j.validator.capture.CaptureFinding;
import io.qapi4j.validator.capture.Unparsed;
import java.io.PrintWriter;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Prints {@code proxy}'s findings as JSON lines, each as it is found — one object a line, flushed
 * at once — and the summary as the last line:
 *
 * <pre>{@code
 * {"violation": {"source", "index", "line", "direction", "kind", "name", "pointer", "path", "code",
 *                "message", "severity"}}
 * {"unparsed": {"source", "line", "column", "message"}}
 * {"summary": {"messages", "errors", "warnings", "infos", "unparsed", "byCode", "captures": [...]},
 *  "error": "..."}     <- only when the session could not be relayed or validated to its end
 * }</pre>
 */
final class JsonLinesValidateReport implements ValidateReport {

  private final PrintWriter out;

  JsonLinesValidateReport(PrintWriter out) {
    this.out = out;
  }

  @Override
  public synchronized void finding(CaptureFinding finding) {
    line("violation", ValidateJson.violation(finding));
  }

  @Override
  public synchronized void unparsed(Unparsed unparsed) {
    line("unparsed", ValidateJson.unparsed(unparsed));
  }

  private void line(String key, ObjectNode value) {
    ObjectNode line = ValidateJson.MAPPER.createObjectNode();
    line.set(key, value);
    out.println(ValidateJson.MAPPER.writeValueAsString(line));
    out.flush();
  }

  @Override
  public synchronized void finish(ValidateTotals totals, @Nullable String error) {
    ObjectNode line = ValidateJson.MAPPER.createObjectNode();
    ObjectNode summary = ValidateJson.summary(totals, 0);
    summary.put("messages", totals.messages());
    line.set("summary", summary);
    if (error != null) {
      line.put("error", error);
    }
    out.println(ValidateJson.MAPPER.writeValueAsString(line));
    out.flush();
  }
}
