package io.qapi4j.cli;

import io.qapi4j.validator.capture.CaptureFinding;
import io.qapi4j.validator.capture.Unparsed;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

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
  private final JsonMapper mapper = ValidateJson.MAPPER;
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
    out.print(mapper.writeValueAsString(ValidateJson.violation(finding)));
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

  @Override
  public synchronized void finish(ValidateTotals totals, @Nullable String error) {
    out.print(firstViolation ? "],\n" : "\n],\n");
    out.print("\"unparsed\": [");
    for (int i = 0; i < unparsed.size(); i++) {
      out.print((i == 0 ? "\n  " : ",\n  ")
          + mapper.writeValueAsString(ValidateJson.unparsed(unparsed.get(i))));
    }
    out.print(unparsed.isEmpty() ? "],\n" : "\n],\n");
    out.print("\"messages\": " + totals.messages() + ",\n");
    out.print("\"summary\": " + mapper.writeValueAsString(
        ValidateJson.summary(totals, unparsedNotListed)));
    if (error != null) {
      out.print(",\n\"error\": " + mapper.writeValueAsString(error));
    }
    out.print("}\n");
    out.flush();
  }
}
