package io.qapi4j.cli;

import io.qapi4j.validator.ViolationCode;
import io.qapi4j.validator.capture.CaptureSummary;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The sums over every capture a {@code validate} run read, and its exit code. */
final class ValidateTotals {

  /** Each capture's summary and the schema it was checked against. */
  record Capture(CaptureSummary summary, String schema) {}

  private final List<Capture> captures = new ArrayList<>();
  private final Map<ViolationCode, Long> byCode = new EnumMap<>(ViolationCode.class);
  private long messages;
  private long errors;
  private long warnings;
  private long infos;
  private long unparsed;

  void add(CaptureSummary summary, String schema) {
    captures.add(new Capture(summary, schema));
    messages += summary.messages();
    errors += summary.errors();
    warnings += summary.warnings();
    infos += summary.infos();
    unparsed += summary.unparsed();
    summary.byCode().forEach((code, n) -> byCode.merge(code, n, Long::sum));
  }

  List<Capture> captures() {
    return captures;
  }

  Map<ViolationCode, Long> byCode() {
    return byCode;
  }

  long messages() {
    return messages;
  }

  long errors() {
    return errors;
  }

  long warnings() {
    return warnings;
  }

  long infos() {
    return infos;
  }

  long unparsed() {
    return unparsed;
  }

  /** 1 when a finding is an error or input was malformed, else 0. */
  int exitCode() {
    return errors > 0 || unparsed > 0 ? ExitCode.FINDINGS : ExitCode.CLEAN;
  }
}
