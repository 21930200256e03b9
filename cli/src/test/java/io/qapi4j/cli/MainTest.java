package io.qapi4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The top-level net of {@link Main}: whatever a command throws becomes a message and exit 2. */
class MainTest {

  /** A command that fails the way it is told to. */
  @Command(name = "qapi4j")
  static final class FailingCommand implements Callable<Integer> {
    @Parameters(index = "0")
    private String failure = "";

    @Override
    public Integer call() throws Exception {
      switch (failure) {
        case "runtime" -> throw new IllegalStateException("broken invariant");
        case "checked" -> throw new java.io.IOException("disk on fire");
        case "stack" -> throw new StackOverflowError();
        case "memory" -> throw new OutOfMemoryError("Java heap space");
        case "recurse" -> {
          return recurse(0);
        }
        default -> {
          return 0;
        }
      }
    }

    private static int recurse(int depth) {
      return recurse(depth + 1) + 1;
    }
  }

  @BeforeEach
  void debugIsOff() {
    assumeTrue(System.getenv(Main.DEBUG_VARIABLE) == null,
        Main.DEBUG_VARIABLE + " is set: stack traces are wanted");
  }

  @Test
  void runtimeExceptionIsAnInternalError() {
    String err = runFailing("runtime", ExitCode.ERROR);

    assertThat(err).startsWith(
        "qapi4j: internal error: java.lang.IllegalStateException: broken invariant\n");
  }

  @Test
  void checkedExceptionIsAnInternalError() {
    String err = runFailing("checked", ExitCode.ERROR);

    assertThat(err).startsWith("qapi4j: internal error: java.io.IOException: disk on fire\n");
  }

  @Test
  void stackOverflowIsAnInternalError() {
    String err = runFailing("stack", ExitCode.ERROR);

    assertThat(err).startsWith("qapi4j: internal error: stack overflow: ");
  }

  @Test
  void outOfMemoryIsAnInternalErrorThatSuggestsMoreHeap() {
    String err = runFailing("memory", ExitCode.ERROR);

    assertThat(err).startsWith("qapi4j: internal error: out of memory (Java heap space, maximum"
        + " heap ").contains("-Xmx");
  }

  @Test
  void aRealStackOverflowInACommandIsCaught() {
    String err = runFailing("recurse", ExitCode.ERROR);

    assertThat(err).startsWith("qapi4j: internal error: stack overflow: ");
  }

  private static String runFailing(String failure, int expectedCode) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new CommandLine(new FailingCommand()), new PrintWriter(out),
        new PrintWriter(err), failure);
    assertThat(code).isEqualTo(expectedCode);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).doesNotContain("\tat ");
    if (!failure.equals("memory")) {
      assertThat(err.toString()).contains("set " + Main.DEBUG_VARIABLE + "=1 to see where");
    }
    return err.toString();
  }
}
