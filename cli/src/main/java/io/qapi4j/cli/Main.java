package io.qapi4j.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The entry point of the {@code qapi4j} command.
 *
 * <p>Whatever happens, the user sees a message and an {@link ExitCode}, never a stack trace: usage
 * errors exit 2 with a one-line reason; an unexpected exception, a stack overflow or running out of
 * memory becomes {@code qapi4j: internal error: ...} and exit 2 (the stack trace is printed only
 * when the environment variable {@code QAPI4J_DEBUG} is set).
 */
public final class Main {

  /** Environment variable that makes internal errors print their stack trace. */
  static final String DEBUG_VARIABLE = "QAPI4J_DEBUG";

  private Main() {}

  /** Runs {@code qapi4j} with {@code args} and exits with its exit code. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(
        new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16));
    PrintWriter err = new PrintWriter(new OutputStreamWriter(
        new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
    int code = run(out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs {@code qapi4j} with {@code args}, printing to {@code out} and {@code err} (flushed before
   * returning), and returns the exit code.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    try {
      return run(Qapi4jCommand.commandLine(), out, err, args);
    } catch (Throwable t) { // also covers building the command tree
      return internalError(t, err);
    }
  }

  /** Runs {@code commandLine} with {@code args}: the top-level net for every command. */
  static int run(CommandLine commandLine, PrintWriter out, PrintWriter err, String... args) {
    try {
      commandLine
          .setOut(out)
          .setErr(err)
          .setParameterExceptionHandler(Main::usageError)
          .setExecutionExceptionHandler((e, cmd, parsed) -> internalError(e, err));
      return commandLine.execute(args);
    } catch (Throwable t) {
      return internalError(t, err);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** A usage error: the reason, a suggestion if there is one, and where to find help. */
  private static int usageError(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println(command.getCommandSpec().qualifiedName() + ": " + e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more"
        + " information.");
    return ExitCode.ERROR;
  }

  /** Reports {@code t} as an internal error on {@code err}; returns {@link ExitCode#ERROR}. */
  static int internalError(Throwable t, PrintWriter err) {
    try {
      err.println("qapi4j: internal error: " + describe(t));
      if (System.getenv(DEBUG_VARIABLE) != null) {
        t.printStackTrace(err);
      } else if (!(t instanceof OutOfMemoryError)) { // running out of memory is no bug to report
        err.println("qapi4j: set " + DEBUG_VARIABLE + "=1 to see where it happened; please report"
            + " it with the input that caused it");
      }
      err.flush();
    } catch (Throwable ignored) { // nothing sensible is left to do; the exit code still tells
    }
    return ExitCode.ERROR;
  }

  /** A one-line description of {@code t} for a person. */
  static String describe(Throwable t) {
    if (t instanceof StackOverflowError) {
      return "stack overflow: the input nests too deeply for this thread's stack"
          + " (java -Xss raises it)";
    }
    if (t instanceof OutOfMemoryError) {
      long maxMb = Runtime.getRuntime().maxMemory() >> 20;
      return "out of memory (" + t.getMessage() + ", maximum heap " + maxMb + " MB): the input is"
          + " too large for this heap; raise it with java -Xmx (./qapi4j reads QAPI4J_JAVA_OPTS,"
          + " e.g. QAPI4J_JAVA_OPTS=-Xmx4g)";
    }
    String message = t.getMessage();
    return t.getClass().getName() + (message == null ? "" : ": " + message);
  }
}
