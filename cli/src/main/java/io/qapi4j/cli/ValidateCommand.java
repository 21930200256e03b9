package io.qapi4j.cli;

import io.qapi4j.model.Schema;
import io.qapi4j.validator.Engine;
import io.qapi4j.validator.Protocol;
import io.qapi4j.validator.QmpValidator;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
    description = {
      "Reads each CAPTURE ('-' is stdin) in any of these forms, detected automatically: JSON"
          + " lines; JSON values one after another, pretty-printed or not (socat dumps, libvirt"
          + " .replies); '-> ' / '<- ' transcripts; guest-agent streams with 0xFF sync bytes;"
          + " QEMU's single-quoted input dialect; QEMU iotests logs. Lines of log text are"
          + " skipped and counted; malformed input is reported with its position and skipped.",
      "Every message is checked against the schema, and replies against the command they"
          + " answer (matched by id, else by order); unanswered commands, replies to nothing"
          + " and commands before capabilities negotiation are findings too.",
      "The schema comes from, in this order: --schema; --introspection; the capture's own"
          + " query-qmp-schema reply; --qemu-binary; a qemu-system-* on PATH (unless"
          + " --no-qemu); the bundled schema (" + BundledSchemas.DEFAULT + ", with --qga "
          + ValidateSchemas.QGA + "). Which one was used is said on stderr."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:clean (warnings and infos allowed)",
      "1:violations of severity error, or malformed input",
      "2:usage error, unreadable capture or schema, or internal error"
    })
public final class ValidateCommand implements Callable<Integer> {

  /** The name stdin goes by in reports. */
  static final String STDIN = "<stdin>";

  @Option(names = "--schema", paramLabel = "SCHEMA",
      description = "A QAPI schema file (its includes follow), read by the compat dialect.")
  @Nullable Path schemaFile;

  @Option(names = "--introspection", paramLabel = "FILE",
      description = "A query-qmp-schema reply ({\"return\": [...]}) or a bare SchemaInfo array.")
  @Nullable Path introspection;

  @Option(names = "--qemu-binary", paramLabel = "BIN",
      description = "Ask this QEMU for its schema (run with -machine none -nodefaults -display"
          + " none -qmp stdio) when the capture holds none.")
  @Nullable Path qemuBinary;

  @Option(names = "--no-qemu",
      description = "Never look for a QEMU on PATH (the bundled schema is the last resort).")
  boolean noQemu;

  @Option(names = "--qga", description = "The traffic is the guest agent's (QGA): no greeting,"
      + " no events, no out-of-band commands.")
  boolean qga;

  @Mixin FormatOption format = new FormatOption();

  @Option(names = "--lenient-output", description = "Let replies and events carry members the"
      + " schema does not know (clients must ignore members newer servers add).")
  boolean lenientOutput;

  @Option(names = "--engine", paramLabel = "native|json-schema", defaultValue = "native",
      converter = EngineConverter.class,
      description = "The validation engine: native (default) or json-schema (networknt on the"
          + " exported JSON Schema). Both give the same verdicts.")
  Engine engine = Engine.NATIVE;

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
      SchemaSource explicit = schemaFile != null ? ValidateSchemas.fromSchemaFile(schemaFile)
          : introspection != null ? ValidateSchemas.fromIntrospection(introspection) : null;
      for (String capture : captures) {
        inputs.add(input(capture, explicit == null && !qga && !follow));
      }
      ValidateSchemas schemas = new ValidateSchemas(qga, qemuBinary, !noQemu);
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
    if (schemaFile != null && introspection != null) {
      throw new ParameterException(spec.commandLine(),
          "give either --schema or --introspection, not both");
    }
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
   * {@code --follow}: the one capture is read until this thread is interrupted: in a JVM that is
   * shutting down (Ctrl-C, SIGTERM), by a shutdown hook that then waits for the report to be
   * closed and exits with the run's exit code.
   */
  private int runFollowing(List<Input> inputs, List<SchemaSource> sources, PrintWriter out,
      PrintWriter err) {
    Thread worker = Thread.currentThread();
    CountDownLatch done = new CountDownLatch(1);
    AtomicInteger exitCode = new AtomicInteger(ExitCode.ERROR);
    Thread hook = new Thread(() -> {
      worker.interrupt();
      try {
        done.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      Runtime.getRuntime().halt(exitCode.get());
    }, "qapi4j-follow-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      exitCode.set(run(inputs, sources, out, err));
      return exitCode.get();
    } finally {
      Thread.interrupted(); // the interrupt that ended the reading has done its work
      out.flush();
      err.flush();
      done.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // already shutting down: the hook exits with our code
      }
    }
  }

  private ValidateReport report(PrintWriter out) {
    return format.format() == ReportFormat.JSON ? new JsonValidateReport(out, follow)
        : new TextValidateReport(out, follow, listed);
  }

  private CaptureValidator validator(Schema schema) {
    return CaptureValidator.of(QmpValidator.builder(schema)
        .protocol(qga ? Protocol.QGA : Protocol.QMP)
        .engine(engine)
        .lenientOutput(lenientOutput)
        .build());
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
