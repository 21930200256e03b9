package io.qapi4j.cli;

import picocli.CommandLine.Option;

/** The {@code -h, --help} option of every subcommand ({@code --version} is on the top command). */
public final class HelpOption {

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  private boolean help;
}
