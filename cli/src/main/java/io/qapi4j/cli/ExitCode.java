package io.qapi4j.cli;

/**
 * The exit codes every {@code qapi4j} command uses (the design's command-line contract; other tools
 * rely on them).
 */
public final class ExitCode {
  /** Clean: no findings (warnings alone do not count). */
  public static final int CLEAN = 0;
  /** Findings: schema errors or message violations. */
  public static final int FINDINGS = 1;
  /** Usage error, I/O error (e.g. an unreadable root schema file) or internal error. */
  public static final int ERROR = 2;

  private ExitCode() {}
}
