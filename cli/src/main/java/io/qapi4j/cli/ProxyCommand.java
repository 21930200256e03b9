package io.qapi4j.cli;

import io.qapi4j.validator.Direction;
import io.qapi4j.validator.capture.CaptureSummary;
import io.qapi4j.validator.capture.CaptureValidator;
import io.qapi4j.validator.capture.EmbeddedSchema;
import io.qapi4j.validator.capture.SessionValidator;
import io.qapi4j.validator.live.LiveException;
import io.qapi4j.validator.live.UnixSocketRelay;
import io.qapi4j.validator.live.WireTap;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code qapi4j proxy --listen unix:PATH --connect unix:PATH}: relays one live QMP or QGA session
 * unchanged and validates both directions as the bytes cross, reporting each finding as it comes
 * and a summary when the session ends.
 */
@Command(
    name = "proxy",
    sortOptions = false,
    headerHeading = "",
    header = "Relay a live QMP or QGA session unchanged and validate it as it happens.",
    customSynopsis = "qapi4j proxy --listen=unix:PATH --connect=unix:PATH [OPTIONS]",
    descriptionHeading = "%n",
    description = {
      "Listens on --listen; when a client connects there, connects to --connect (the server:"
          + " QEMU's QMP socket, or qemu-ga's) and relays the session both ways, byte for byte."
          + " Every message of either side is validated as it crosses, as 'validate' would:"
          + " each reply against the command it answers, and the session's order. Findings are"
          + " printed on stdout as they happen; when the session ends (either side closes, or"
          + " Ctrl-C) a summary follows and the proxy exits. One session: the listening socket"
          + " goes away once the client has come.",
      "",
      "The schema comes from --schema, --introspection, --qemu-binary, a qemu-system-* on PATH"
          + " (unless --no-qemu) or the bundled schema (QEMU 7.2's own introspection, with --qga"
          + " the guest-agent schema " + ValidateSchemas.QGA + "), in that order; when none of"
          + " the first three is given and the client asks the server for query-qmp-schema, the"
          + " server's reply is the schema from then on. stderr says which.",
      "",
      "With --record, the session's transcript is written to FILE ('-> ' before the client's"
          + " lines, '<- ' before the server's): the LINE of a finding is its line there, and"
          + " 'qapi4j validate FILE' finds the same."
    },
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the session was clean (warnings and infos allowed)",
      "1:violations of severity error, or malformed input",
      "2:usage error, the listen path taken, the server unreachable, the record not"
          + " written, or internal error"
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  qemu-system-x86_64 ... -qmp unix:/tmp/qmp.sock,server=on,wait=off",
      "  qapi4j proxy --listen unix:/tmp/proxy.sock --connect unix:/tmp/qmp.sock \\",
      "      --record session.log",
      "  # then point the QMP client (libvirt, qmp-shell, ...) at /tmp/proxy.sock"
    })
public final class ProxyCommand implements Callable<Integer> {

  /** Where findings point when the session is not recorded. */
  static final String SESSION = "session";

  @Option(names = "--listen", required = true, paramLabel = "unix:PATH",
      converter = UnixSocketConverter.class,
      description = "Where the client connects: a Unix socket the proxy creates (it must not"
          + " exist) and removes.")
  Path listen = Path.of("");

  @Option(names = "--connect", required = true, paramLabel = "unix:PATH",
      converter = UnixSocketConverter.class,
      description = "The server's Unix socket (e.g. QEMU's -qmp unix:PATH,server=on,wait=off).")
  Path connect = Path.of("");

  @Mixin ValidationOptions options = new ValidationOptions();

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
      converter = ReportFormatConverter.class,
      description = "Report format: 'text' for people (default), 'json' for one JSON object a"
          + " line: each finding as it comes, the summary last.")
  ReportFormat format = ReportFormat.TEXT;

  @Option(names = "--record", paramLabel = "FILE",
      description = "Write the session's transcript to FILE (replaced).")
  @Nullable Path record;

  @Option(names = "--linger", paramLabel = "SECONDS", defaultValue = "5",
      description = "Once one side has closed, how long the other may stay connected before the"
          + " proxy closes it (default: ${DEFAULT-VALUE}).")
  int linger = 5;

  @Mixin HelpOption help = new HelpOption();

  @Spec CommandSpec spec = CommandSpec.create();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    options.checkUsage(spec.commandLine());
    if (linger < 0) {
      throw new ParameterException(spec.commandLine(), "--linger must not be negative");
    }
    if (!Files.exists(connect)) {
      return fail(err, "cannot connect to unix:" + connect + ": no such socket (is the server"
          + " running?)");
    }
    SchemaSource source;
    boolean adopt;
    try {
      SchemaSource explicit = options.explicitSource();
      adopt = explicit == null && options.qemuBinary == null && !options.qga;
      source = explicit != null ? explicit
          : options.fallbacks().fallback(w -> note(err, "warning: " + w));
    } catch (SchemaSourceException e) {
      return fail(err, e.getMessage());
    }
    note(err, "schema: " + source.description()
        + (adopt ? ", until the server answers query-qmp-schema" : ""));
    try (OutputStream recording = record == null ? null
        : new BufferedOutputStream(Files.newOutputStream(record))) {
      return proxy(source, adopt, recording, out, err);
    } catch (IOException e) {
      return fail(err, "cannot record into " + record + ": " + e.getMessage());
    }
  }

  private int proxy(SchemaSource source, boolean adopt, @Nullable OutputStream recording,
      PrintWriter out, PrintWriter err) {
    ValidateReport report = format == ReportFormat.JSON
        ? new JsonLinesValidateReport(out) : new TextValidateReport(out, true, 0);
    String[] schemaUsed = {source.description()};
    SessionValidator session = CaptureValidator.of(options.validator(source.schema()))
        .session(record != null ? record.toString() : SESSION, report);
    if (recording != null) {
      session.recordTo(recording, String.valueOf(record));
    }
    if (adopt) {
      session.adoptServerSchema(found -> {
        schemaUsed[0] = source.description() + " to line " + found.line()
            + ", then the server's query-qmp-schema reply (" + found.entries() + " entries)";
        note(err, "schema: the server's query-qmp-schema reply (line " + found.line() + ", "
            + found.entries() + " entries), from now on");
      });
    }
    UnixSocketRelay relay;
    try {
      relay = UnixSocketRelay.builder(listen, connect).tap(tap(session, err)).maxClients(1)
          .linger(Duration.ofSeconds(linger)).start();
    } catch (LiveException e) {
      return fail(err, e.getMessage());
    }
    note(err, "listening on unix:" + listen + ", relaying to unix:" + connect);
    return InterruptOnShutdown.run("proxy", out, err,
        () -> relayUntilDone(relay, session, report, schemaUsed, err));
  }

  /** The tap: every chunk to the validator, each side's end to stderr. */
  private static WireTap tap(SessionValidator session, PrintWriter err) {
    return new WireTap() {
      @Override
      public void onBytes(Direction direction, byte[] bytes) {
        session.feed(direction, bytes, 0, bytes.length);
      }

      @Override
      public void onEnd(Direction direction) {
        note(err, "the " + (direction == Direction.CLIENT ? "client" : "server")
            + " closed the connection");
      }
    };
  }

  /**
   * Waits until the session is over (or this thread is interrupted: Ctrl-C), then reports: the
   * summary, and what went wrong.
   */
  private int relayUntilDone(UnixSocketRelay relay, SessionValidator session,
      ValidateReport report, String[] schemaUsed, PrintWriter err) {
    boolean stopped = false;
    try (relay) {
      relay.awaitFinished();
    } catch (InterruptedException e) {
      stopped = true;
    }
    Thread.interrupted();
    if (relay.accepted() == 0) {
      note(err, "stopped before a client connected");
    } else if (stopped) {
      note(err, "stopped: the session was cut short");
    }
    CaptureSummary summary = session.finish();
    List<String> errors = new ArrayList<>(relay.failures());
    if (session.recordFailure() != null) {
      errors.add(session.recordFailure());
    }
    errors.forEach(e -> note(err, e));
    ValidateTotals totals = new ValidateTotals();
    totals.add(summary, schemaUsed[0]);
    String error = errors.isEmpty() ? null : String.join("; ", errors);
    report.finish(totals, error);
    return error != null ? ExitCode.ERROR : totals.exitCode();
  }

  private static void note(PrintWriter err, String message) {
    err.println("qapi4j: proxy: " + message);
    err.flush();
  }

  private static int fail(PrintWriter err, @Nullable String message) {
    note(err, String.valueOf(message));
    return ExitCode.ERROR;
  }
}
