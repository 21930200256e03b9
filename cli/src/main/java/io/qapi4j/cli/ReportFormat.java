package io.qapi4j.cli;

/** How a command prints its report. */
public enum ReportFormat {
  /** For people: QEMU-style messages and a one-line verdict. */
  TEXT,
  /** For programs: exactly one JSON document on stdout. */
  JSON
}
