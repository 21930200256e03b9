package io.qapi4j.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A one-line progress display on stderr for long captures: {@code [=====>    ] 45% 123/456 MB,
 * 1234567 messages}, redrawn at most every {@value #REDRAW_MILLIS} ms and erased at the end. Only
 * shown when stderr is a terminal ({@link #stderrIsTerminal()}).
 */
final class ProgressBar {

  static final long REDRAW_MILLIS = 200;
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final String label;
  private final long total;
  private long lastDraw;
  private boolean drawn;

  /** A bar for {@code label}, of {@code total} bytes (0 when unknown: no percentage). */
  ProgressBar(PrintWriter err, String label, long total) {
    this.err = err;
    this.label = label;
    this.total = total;
  }

  /**
   * Whether this process's stderr is a terminal. Java tells that only for stdin and stdout
   * together ({@link System#console()}); on Linux, {@code /proc/self/fd/2} names the device.
   */
  static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (Exception e) {
      return System.console() != null;
    }
  }

  /** Shows {@code bytes} read and {@code messages} validated, if it is time to redraw. */
  void update(long bytes, long messages) {
    long now = System.currentTimeMillis();
    if (now - lastDraw < REDRAW_MILLIS) {
      return;
    }
    lastDraw = now;
    drawn = true;
    StringBuilder line = new StringBuilder("\r").append(label).append(' ');
    if (total > 0) {
      int filled = (int) Math.min(WIDTH, WIDTH * bytes / total);
      line.append('[').append("=".repeat(filled)).append(filled < WIDTH ? ">" : "")
          .append(" ".repeat(Math.max(0, WIDTH - filled - 1))).append("] ")
          .append(String.format(Locale.ROOT, "%3d%% %d/%d MB", 100 * bytes / total,
              bytes >> 20, total >> 20));
    } else {
      line.append(String.format(Locale.ROOT, "%d MB", bytes >> 20));
    }
    line.append(", ").append(messages).append(" messages\u001b[K");
    err.print(line);
    err.flush();
  }

  /** Erases the bar. */
  void done() {
    if (drawn) {
      err.print("\r\u001b[K");
      err.flush();
    }
  }
}
