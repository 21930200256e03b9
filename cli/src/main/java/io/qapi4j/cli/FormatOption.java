package io.qapi4j.cli;

import picocli.CommandLine.Option;

/** The {@code --format text|json} option, shared by every command that prints a report. */
public final class FormatOption {

  @Option(
      names = "--format",
      paramLabel = "text|json",
      defaultValue = "text",
      converter = ReportFormatConverter.class,
      description = "Report format: 'text' for people (default), 'json' for exactly one JSON"
          + " document on stdout.")
  private ReportFormat format = ReportFormat.TEXT;

  /** The chosen format. */
  public ReportFormat format() {
    return format;
  }
}
