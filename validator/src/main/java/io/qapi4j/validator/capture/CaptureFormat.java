package io.qapi4j.validator.capture;

/**
 * What kind of capture a reader found, told by its first non-blank line and its first chunk of
 * bytes. Every format is read by the same framing rules; the format decides only what
 * log-specific things are understood:
 *
 * <ul>
 *   <li>in {@link #LOG} and {@link #IOTESTS_LOG}, a JSON value that is no QMP message (no
 *       {@code execute}, {@code return}, {@code event}, ... member) and has no arrow is log
 *       output, counted but not validated (a test printing a query result); and findings about
 *       the session's order are warnings, since logs leave traffic out;
 *   <li>in {@link #IOTESTS_LOG}, the placeholders of QEMU's iotests filters are understood: bare
 *       {@code TIMESTAMP}, {@code LEN}, ... in place of values (see {@link Placeholders}) and
 *       {@code QMP_VERSION} in place of a whole greeting.
 * </ul>
 */
public enum CaptureFormat {
  /** Nothing but blanks read yet. */
  EMPTY,
  /** JSON values one after another: JSON lines, concatenated or pretty-printed, QGA streams. */
  JSON,
  /** A transcript whose lines start with {@code ->} (client) or {@code <-} (server). */
  TRANSCRIPT,
  /** Log text with JSON messages among it. */
  LOG,
  /** A QEMU iotests reference output ({@code QA output created by NNN}). */
  IOTESTS_LOG;

  /** Whether envelope-less JSON values are log output rather than messages. */
  boolean isLog() {
    return this == LOG || this == IOTESTS_LOG;
  }

  /** The lower-case name reports use ({@code iotests-log}). */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
