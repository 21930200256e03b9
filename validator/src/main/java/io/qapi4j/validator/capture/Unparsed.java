package io.qapi4j.validator.capture;

/**
 * Malformed input that was skipped: not JSON, cut off, too large. Reading resumes after it, at the
 * next place a message can start, so nothing that follows is lost.
 *
 * @param source the capture's name
 * @param line the 1-based line on which the skipped input starts
 * @param column its 1-based byte column
 * @param offset its 0-based byte offset
 * @param message why it was skipped, e.g. {@code JSON parse error, Unexpected character ('}'
 *     (code 125)) (line 12, column 30)} with positions in the capture
 */
public record Unparsed(String source, long line, int column, long offset, String message)
    implements CaptureItem {

  @Override
  public String toString() {
    return source + ":" + line + ": " + message;
  }
}
