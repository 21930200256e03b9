package io.qapi4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One run of the {@code qapi4j} command, in-process, with its output captured.
 *
 * @param exitCode what the process would exit with
 * @param out everything printed to stdout
 * @param err everything printed to stderr
 */
record CliRun(int exitCode, String out, String err) {

  /** Runs {@code qapi4j ARGS} through {@link Main#run}. */
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Asserts that neither stream shows a stack trace or a raw JVM error. */
  CliRun assertNoStackTrace() {
    for (String stream : new String[] {out, err}) {
      assertThat(stream)
          .doesNotContain("Exception")
          .doesNotContain("\tat ")
          .doesNotContain("at io.qapi4j")
          .doesNotContain("StackOverflowError")
          .doesNotContain("OutOfMemoryError");
    }
    return this;
  }
}
