package io.qapi4j.validator.capture;

import io.qapi4j.validator.Direction;
import io.qapi4j.validator.MessageKind;
import org.jspecify.annotations.Nullable;

/**
 * Which message of a capture a finding is about.
 *
 * @param source the capture's name
 * @param index the 0-based position among the capture's messages
 * @param line the 1-based line on which the message starts
 * @param direction which way it travels
 * @param kind what it is, as the validator read it
 * @param name the command or event it names; for a reply, the command it answers when known
 */
public record MessageRef(
    String source,
    long index,
    long line,
    Direction direction,
    MessageKind kind,
    @Nullable String name) {

  /** {@code SOURCE:LINE}. */
  public String where() {
    return source + ":" + line;
  }
}
