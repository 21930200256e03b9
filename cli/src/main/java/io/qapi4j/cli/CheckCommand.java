package io.qapi4j.cli;

import io.qapi4j.model.SchemaResult;
import io.qapi4j.model.read.SchemaReader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qapi4j check}: reads and checks a schema, and reports its errors like QEMU would. */
@Command(
    name = "check",
    sortOptions = false,
    headerHeading = "",
    header = "Read and check a QAPI schema: a root file and everything it includes.",
    description = {
      "Errors are printed in QEMU's own format (FILE:LINE[:COL]: message, with the include chain"
          + " and the definition they are in), then a one-line verdict.",
      "The default compat dialect accepts the schema language of every QEMU release from 1.0"
          + " to today and reports obsolete syntax as warnings (old schemas give hundreds):"
          + " they are counted, and listed with --warnings. --strict checks by today's rules."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the schema is clean (warnings allowed; an empty schema is clean, as in QEMU)",
      "1:the schema has errors",
      "2:usage error, the schema file cannot be read, or internal error"
    })
public final class CheckCommand implements Callable<Integer> {

  @Mixin private SchemaOptions schema = new SchemaOptions();

  @Mixin private FormatOption format = new FormatOption();

  @Option(
      names = "--summary",
      description = "Also print a table of the definitions per module (rows) and kind (columns),"
          + " with totals.")
  private boolean summary;

  @Option(
      names = "--warnings",
      description = "List the warnings instead of only counting them (the JSON report always"
          + " lists them).")
  private boolean listWarnings;

  @Mixin private HelpOption help = new HelpOption();

  @Spec private CommandSpec spec = CommandSpec.create();

  @Override
  public Integer call() {
    SchemaInput input = schema.input();
    RootReadTracker loader = new RootReadTracker(input.loader());
    SchemaResult result = SchemaReader.of(schema.dialect()).withLoader(loader).read(input.path());
    CheckReport report = CheckReport.of(input.path(), schema.dialect(), result, loader.rootFailure());
    if (format.format() == ReportFormat.JSON) {
      spec.commandLine().getOut().print(JsonCheckReport.render(report, summary));
    } else {
      TextCheckReport.print(report, listWarnings, summary,
          spec.commandLine().getOut(), spec.commandLine().getErr());
    }
    return report.exitCode();
  }
}
