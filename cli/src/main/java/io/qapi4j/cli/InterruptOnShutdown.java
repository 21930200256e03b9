package io.qapi4j.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * Runs a command that goes on until it is stopped ({@code validate --follow}, {@code proxy}) so
 * that Ctrl-C or SIGTERM ends it cleanly: a shutdown hook interrupts the command's thread, waits
 * (up to 5 s) for it to print its report and return, and exits with the command's exit code.
 */
final class InterruptOnShutdown {
  private InterruptOnShutdown() {}

  /** Runs {@code task} on this thread; returns its exit code. */
  static int run(String name, PrintWriter out, PrintWriter err, IntSupplier task) {
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
    }, "qapi4j-" + name + "-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      exitCode.set(task.getAsInt());
      return exitCode.get();
    } finally {
      Thread.interrupted(); // the interrupt that ended the task has done its work
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
}
