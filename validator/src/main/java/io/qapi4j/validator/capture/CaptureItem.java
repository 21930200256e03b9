package io.qapi4j.validator.capture;

/**
 * What a {@link CaptureReader} yields: a message, a piece of malformed input, or the placeholder
 * iotests write in place of a greeting. Each knows where it starts.
 */
public sealed interface CaptureItem permits CapturedMessage, Unparsed, FilteredGreeting {

  /** The capture's name, as given to the reader (a file name, {@code -} for stdin). */
  String source();

  /** The 1-based line on which the item starts. */
  long line();

  /** The 1-based byte column on that line. */
  int column();

  /** The 0-based byte offset in the capture. */
  long offset();
}
