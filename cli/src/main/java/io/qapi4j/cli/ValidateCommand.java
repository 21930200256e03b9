package io.qapi4j.cli;

import io.qapi4j.model.Schema;
import io.qapi4j.validator.capture.CaptureReader;
import io.qapi4j.validator.capture.CaptureSummary;
import io.qapi4j.validator.capture.CaptureValidator;
import java.io.FileInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qapi4j validate CAPTURE...}: validates captured QMP or QGA traffic, message by message
 * and session by session, in one pass with bounded memory.
 */
@Command(
    name = "validate",
    sortOptions = false,
    headerHeading = "",
    header = "Validate captured QMP or QGA traffic against a QAPI schema.",
    customSynopsis = "qapi4j validate [OPTIONS] CAPTURE...",
    descriptionHeading = "%n",
    description = {
      "Reads each CAPTURE ('-' is stdin) in any of these forms, detected automatically: JSON"
          + " lines; JSON values one after another, pretty-printed or not (socat dumps, libvirt"
          + " .replies); '-> ' / '<- ' transcripts; guest-agent streams with 0xFF sync bytes;"
          + " QEMU's single-quoted input dialect; QEMU iotests logs. Lines of log text are"
          + " skipped and counted; malformed input is reported with its position and skipped.",
      "",
      "Every message is checked against the schema, and each reply against the command it"
          + " answers (matched by id, else by order). The session is checked too: a command"
          + " before capabilities negotiation or a refused second negotiation, a reply to"
          + " nothing, a command never answered.",
      "",
      "The schema comes from, in this order: --schema; --introspection; the capture's own"
          + " query-qmp-schema reply; --qemu-binary; a qemu-system-* on PATH (unless --no-qemu);"
          + " the bundled schema: QEMU 7.2's own introspection (x86_64), with --qga the"
          + " guest-agent schema " + ValidateSchemas.QGA + ". stderr says which one was used."
    },
    parameterListHeading = "%nArguments:%n",
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:clean (warnings and infos allowed)",
      "1:violations of severity error, or malformed input",
      "2:usage error, unreadable capture or schema, or internal error"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  qapi4j validate qmp.log                  # its own query-qmp-schema reply, if any",
      "  qapi4j validate --schema qapi/qapi-schema.json --format json qmp.log",
      "  qapi4j validate --qga --schema qga/qapi-schema.json qga.log",
      "  qapi4j validate --follow /var/log/qmp.log"
    })
public final class ValidateCommand implements Callable<Integer> {

  /** The name stdin goes by in reports. */
  static final String STDIN = "<stdin>";

  @Mixin ValidationOptions options = new ValidationOptions();

  @Mixin FormatOption format = new FormatOption();

  @Option(names = "--follow", description = "Keep reading the capture as it grows (like tail"
      + " -f), reporting findings as they arrive, until interrupted. One CAPTURE only.")
  boolean follow;

  @Option(names = "--listed", paramLabel = "N", defaultValue = "20",
      description = "Text report: list at most N findings of each command/event and code"
          + " (default: ${DEFAULT-VALUE}); the rest are counted.")
  int listed = 20;

  @Parameters(arity = "1..*", paramLabel = "CAPTURE",
      description = "Capture files; '-' reads stdin.")
  List<String> captures = new ArrayList<>();

  @Mixin HelpOption help = new HelpOption();

  @Spec CommandSpec spec = CommandSpec.create();

  /** A capture to read: its name in reports and the file (null: read stdin as it comes). */
  private record Input(String name, @Nullable Path file, boolean spooled) {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    checkUsage();
    List<Input> inputs = new ArrayList<>();
    try {
      SchemaSource explicit = options.explicitSource();
      for (String capture : captures) {
        inputs.add(input(capture, explicit == null && !options.qga && !follow));
      }
      ValidateSchemas schemas = options.fallbacks();
      List<SchemaSource> sources = new ArrayList<>();
      for (Input in : inputs) {
        SchemaSource source = explicit;
        if (source == null && in.file() != null) {
          source = schemas.embedded(in.file(), w -> warn(err, w)).orElse(null);
        }
        if (source == null) {
          source = schemas.fallback(w -> warn(err, w));
        }
        err.println("qapi4j: " + in.name() + ": schema: " + source.description());
        sources.add(source);
      }
      err.flush();
      return follow ? runFollowing(inputs, sources, out, err) : run(inputs, sources, out, err);
    } catch (SchemaSourceException | IOException e) {
      err.println("qapi4j: " + e.getMessage());
      if (format.format() == ReportFormat.JSON) {
        // Nothing was validated, but a JSON reader still gets its one document.
        report(out).finish(new ValidateTotals(), e.getMessage());
      }
      return ExitCode.ERROR;
    } finally {
      for (Input in : inputs) {
        if (in.spooled() && in.file() != null) {
          try {
            Files.deleteIfExists(in.file());
          } catch (IOException e) {
            // a temporary file left behind is no reason to fail
          }
        }
      }
    }
  }

  private void checkUsage() {
    options.checkUsage(spec.commandLine());
    if (follow && captures.size() != 1) {
      throw new ParameterException(spec.commandLine(), "--follow reads exactly one CAPTURE");
    }
    if (listed < 0) {
      throw new ParameterException(spec.commandLine(), "--listed must not be negative");
    }
  }

  private static void warn(PrintWriter err, String message) {
    err.println("qapi4j: warning: " + message);
  }

  /**
   * The capture {@code name}: a file that must exist, or stdin, spooled to a temporary file when
   * the capture's own schema is to be looked for (that takes a pass before validation).
   */
  private Input input(String name, boolean spoolStdin) throws IOException {
    if (!name.equals("-")) {
      Path file = Path.of(name);
      if (!Files.isRegularFile(file)) {
        throw new IOException(name + ": " + (Files.exists(file) ? "not a file" : "no such file"));
      }
      return new Input(name, file, false);
    }
    if (!spoolStdin) {
      return new Input(STDIN, null, false);
    }
    Path spool = Files.createTempFile("qapi4j-stdin", ".capture");
    spool.toFile().deleteOnExit();
    Files.copy(System.in, spool, StandardCopyOption.REPLACE_EXISTING);
    return new Input(STDIN, spool, true);
  }

  private int run(List<Input> inputs, List<SchemaSource> sources, PrintWriter out,
      PrintWriter err) {
    ValidateReport report = report(out);
    ValidateTotals totals = new ValidateTotals();
    Map<Schema, CaptureValidator> validators = new IdentityHashMap<>();
    String error = null;
    for (int i = 0; i < inputs.size() && error == null; i++) {
      Input in = inputs.get(i);
      SchemaSource source = sources.get(i);
      CaptureValidator validator = validators.computeIfAbsent(source.schema(), this::validator);
      try (CaptureReader reader = reader(in)) {
        CaptureSummary summary = validate(validator, reader, report, err,
            in.file() == null ? 0 : Files.size(in.file()));
        totals.add(summary, source.description());
      } catch (IOException e) {
        error = in.name() + ": " + e.getMessage();
        err.println("qapi4j: " + error);
      }
    }
    report.finish(totals, error);
    return error != null ? ExitCode.ERROR : totals.exitCode();
  }

  /**
   * {@code --follow}: the one capture is read until this thread is interrupted (in a JVM that is
   * shutting down, by {@link InterruptOnShutdown}).
   */
  private int runFollowing(List<Input> inputs, List<SchemaSource> sources, PrintWriter out,
      PrintWriter err) {
    return InterruptOnShutdown.run("follow", out, err, () -> run(inputs, sources, out, err));
  }

  private ValidateReport report(PrintWriter out) {
    return format.format() == ReportFormat.JSON ? new JsonValidateReport(out, follow)
        : new TextValidateReport(out, follow, listed);
  }

  private CaptureValidator validator(Schema schema) {
    return CaptureValidator.of(options.validator(schema));
  }

  private CaptureReader reader(Input in) throws IOException {
    InputStream stream = in.file() != null ? new FileInputStream(in.file().toFile())
        : new FilterInputStream(System.in) {
          @Override
          public void close() {
            // stdin stays open
          }
        };
    return CaptureReader.builder(stream, in.name()).follow(follow && in.file() != null).build();
  }

  /** Validates one capture, with a progress bar when stderr is a terminal (and not following). */
  private CaptureSummary validate(CaptureValidator validator, CaptureReader reader,
      ValidateReport report, PrintWriter err, long size) throws IOException {
    if (follow || !ProgressBar.stderrIsTerminal()) {
      return validator.validate(reader, report);
    }
    ProgressBar bar = new ProgressBar(err, reader.source(), size);
    long[] messages = {0};
    try {
      return validator.validate(reader, report.onMessage((message, result) -> {
        if ((++messages[0] & 0xFF) == 0) {
          bar.update(reader.bytesRead(), messages[0]);
        }
      }));
    } finally {
      bar.done();
    }
  }
}
