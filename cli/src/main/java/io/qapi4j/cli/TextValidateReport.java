package io.qapi4j.cli;

import io.qapi4j.validator.Severity;
import io.qapi4j.validator.capture.CaptureFinding;
import io.qapi4j.validator.capture.CaptureSummary;
import io.qapi4j.validator.capture.Unparsed;
import java.io.PrintWriter;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Prints {@code validate}'s findings for people, grouped by command or event and code, with
 * counts, each finding as {@code SOURCE:LINE: [CODE] name pointer: message} (non-errors end with
 * their severity in parentheses), at most {@code listed} a group; then one line per capture and
 * the totals. Live (with {@code --follow}), each finding is printed as it arrives instead, and the
 * groups at the end show counts only.
 */
final class TextValidateReport implements ValidateReport {

  /** The group name of malformed input. */
  static final String UNPARSED = "(unparsed)";

  private final PrintWriter out;
  private final boolean live;
  private final FindingGroups groups;

  TextValidateReport(PrintWriter out, boolean live, int listed) {
    this.out = out;
    this.live = live;
    this.groups = new FindingGroups(live ? 0 : listed);
  }

  @Override
  public synchronized void finding(CaptureFinding finding) {
    String line = line(finding);
    groups.add(finding.message().name(), finding.violation().code(), line);
    if (live) {
      out.println(line);
      out.flush();
    }
  }

  @Override
  public synchronized void unparsed(Unparsed item) {
    String line = item.source() + ":" + item.line() + ": [UNPARSED] " + item.message();
    groups.add(UNPARSED, null, line);
    if (live) {
      out.println(line);
      out.flush();
    }
  }

  /** {@code SOURCE:LINE: [CODE] name pointer: message}, then {@code (warning)} or {@code (info)}.
   */
  static String line(CaptureFinding finding) {
    Severity severity = finding.violation().severity();
    return finding + (severity == Severity.ERROR ? "" : " (" + Severities.name(severity) + ")");
  }

  @Override
  public synchronized void finish(ValidateTotals totals, @Nullable String error) {
    if (live && !groups.groups().isEmpty()) {
      out.println();
    }
    for (Map.Entry<FindingGroups.Key, FindingGroups.Group> e : groups.groups().entrySet()) {
      FindingGroups.Key key = e.getKey();
      FindingGroups.Group group = e.getValue();
      out.println(key.name() + (key.code() == null ? "" : " [" + key.code() + "]") + ": "
          + group.count());
      if (live) {
        continue;
      }
      group.lines().forEach(l -> out.println("  " + l));
      long more = group.count() - group.lines().size();
      if (more > 0) {
        out.println("  ... and " + more + " more");
      }
    }
    if (!groups.groups().isEmpty()) {
      out.println();
    }
    for (ValidateTotals.Capture c : totals.captures()) {
      out.println(captureLine(c.summary(), c.schema()));
    }
    if (error != null) {
      out.println("stopped: " + error);
    }
    out.println(verdict(totals));
    out.flush();
  }

  private static String captureLine(CaptureSummary s, String schema) {
    StringBuilder b = new StringBuilder(s.source()).append(": ")
        .append(plural(s.messages(), "message")).append(" (").append(s.format().label())
        .append(", ").append(plural(s.sessions(), "session"));
    appendIf(b, s.textLines(), "text line", "skipped");
    appendIf(b, s.otherValues(), "other JSON value", "skipped");
    appendIf(b, s.syncBytes(), "0xFF sync byte", "");
    appendIf(b, s.filteredGreetings(), "filtered greeting", "");
    appendIf(b, s.placeholders(), "placeholder", "replaced");
    appendIf(b, s.uncorrelatedReplies(), "reply", "before any command");
    b.append("), ").append(counts(s.errors(), s.warnings(), s.infos(), s.unparsed()));
    if (!s.byCode().isEmpty()) {
      b.append(" [").append(s.byCode().entrySet().stream()
          .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")))
          .append(']');
    }
    return b.append("; schema: ").append(schema).toString();
  }

  private static void appendIf(StringBuilder b, long n, String noun, String what) {
    if (n > 0) {
      b.append(", ").append(plural(n, noun)).append(what.isEmpty() ? "" : " " + what);
    }
  }

  /** {@code ok: 84 messages in 1 capture, 0 errors, ...} or {@code findings: ...}. */
  static String verdict(ValidateTotals t) {
    return (t.exitCode() == ExitCode.CLEAN ? "ok: " : "findings: ")
        + plural(t.messages(), "message") + " in " + plural(t.captures().size(), "capture") + ", "
        + counts(t.errors(), t.warnings(), t.infos(), t.unparsed());
  }

  private static String counts(long errors, long warnings, long infos, long unparsed) {
    return plural(errors, "error") + ", " + plural(warnings, "warning") + ", "
        + plural(infos, "info") + ", " + unparsed + " unparsed";
  }

  static String plural(long n, String noun) {
    if (n == 1) {
      return n + " " + noun;
    }
    return n + " " + (noun.endsWith("ply") ? noun.substring(0, noun.length() - 1) + "ies"
        : noun + "s");
  }
}
