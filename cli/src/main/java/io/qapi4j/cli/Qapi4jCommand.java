package io.qapi4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top command, {@code qapi4j}: holds the subcommands, {@code --help} and {@code --version}. */
@Command(
    name = "qapi4j",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "QEMU's QAPI type system: check, export and introspect schemas; validate QMP/QGA"
        + " traffic, captured or live.",
    synopsisSubcommandLabel = "COMMAND",
    description = "Run 'qapi4j COMMAND --help' for a command's options.",
    commandListHeading = "%nCommands:%n",
    subcommands = {CheckCommand.class, ExportCommand.class, ValidateCommand.class,
      ProxyCommand.class, IntrospectCommand.class,
      CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes (every command):%n",
    exitCodeList = {
      "0:clean",
      "1:findings (schema errors, message violations)",
      "2:usage error, I/O error or internal error"
    },
    footerHeading = "%n",
    footer = "--format json makes a command print exactly one JSON document on stdout (proxy,"
        + " which reports as it goes: one JSON object a line). QAPI4J_DEBUG=1 shows stack traces"
        + " of internal errors.")
public final class Qapi4jCommand implements Callable<Integer> {

  @Spec private CommandSpec spec = CommandSpec.create();

  /** No command given: a usage error. */
  @Override
  public Integer call() {
    CommandLine commandLine = spec.commandLine();
    commandLine.getErr().println("qapi4j: missing command");
    commandLine.usage(commandLine.getErr());
    return ExitCode.ERROR;
  }

  /** The whole command tree, ready to execute. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new Qapi4jCommand());
    BundledSchemasHelp.addTo(commandLine.getSubcommands().get("check"));
    BundledSchemasHelp.addTo(commandLine.getSubcommands().get("introspect"));
    return commandLine;
  }
}
