package io.qapi4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@code qapi4j proxy} run in-process on a thread of its own, its output captured: started, it
 * is waited for until it listens; {@link #await} waits for it to end by itself.
 */
final class ProxyRun {

  private final Thread thread;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final AtomicInteger exit = new AtomicInteger(-1);

  private ProxyRun(String... args) {
    thread = new Thread(() -> exit.set(Main.run(new PrintWriter(out, true),
        new PrintWriter(err, true), args)), "proxy under test");
    thread.setDaemon(true);
    thread.start();
  }

  /** Starts {@code qapi4j ARGS} and waits until it listens (or has ended). */
  static ProxyRun start(String... args) throws InterruptedException {
    ProxyRun run = new ProxyRun(args);
    long deadline = System.currentTimeMillis() + 30_000;
    while (!run.err().contains("listening on unix:") && run.thread.isAlive()) {
      assertThat(System.currentTimeMillis()).as("waiting for the proxy to listen")
          .isLessThan(deadline);
      Thread.sleep(10);
    }
    return run;
  }

  /** Waits up to {@code millis} for the proxy to end by itself; its exit code. */
  int await(long millis) throws InterruptedException {
    thread.join(millis);
    assertThat(thread.isAlive()).as("the proxy still runs after %s ms; stderr: %s", millis, err())
        .isFalse();
    return exit.get();
  }

  /** Stops the proxy as Ctrl-C does (its thread is interrupted); its exit code. */
  int stop() throws InterruptedException {
    thread.interrupt();
    return await(10_000);
  }

  String out() {
    return out.toString();
  }

  String err() {
    return err.toString();
  }
}
