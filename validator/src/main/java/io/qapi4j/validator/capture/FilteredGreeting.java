package io.qapi4j.validator.capture;

/**
 * The word {@code QMP_VERSION} that QEMU's iotests filters write in place of a whole greeting: it
 * cannot be validated, but it does start a session.
 *
 * @param source the capture's name
 * @param line the 1-based line of the placeholder (of its opening brace in pretty mode)
 * @param column its 1-based byte column
 * @param offset its 0-based byte offset
 */
public record FilteredGreeting(String source, long line, int column, long offset)
    implements CaptureItem {}
