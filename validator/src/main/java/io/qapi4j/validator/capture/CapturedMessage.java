package io.qapi4j.validator.capture;

import io.qapi4j.validator.Direction;
import java.util.List;

/**
 * One message of a capture: its JSON text and where it was found.
 *
 * @param source the capture's name
 * @param index the 0-based position among the capture's messages
 * @param line the 1-based line on which the message starts
 * @param column the 1-based byte column of its first bracket
 * @param offset the 0-based byte offset of its first bracket
 * @param direction which way it travels: from its {@code ->}/{@code <-} arrow if it has one, else
 *     from its envelope ({@code execute} and {@code exec-oob} are the client's; {@code return},
 *     {@code error}, {@code event} and {@code QMP} the server's)
 * @param arrow whether the direction came from an arrow
 * @param envelope what its top-level members say it is
 * @param json the message's UTF-8 text, with iotests placeholders replaced (never modify it)
 * @param placeholders the iotests placeholders replaced in it, in order ({@code TIMESTAMP}, ...)
 */
public record CapturedMessage(
    String source,
    long index,
    long line,
    int column,
    long offset,
    Direction direction,
    boolean arrow,
    Envelope envelope,
    byte[] json,
    List<String> placeholders) implements CaptureItem {

  public CapturedMessage {
    placeholders = List.copyOf(placeholders);
  }

  @Override
  public String toString() {
    return source + ":" + line + ": " + direction.arrow() + " " + envelope;
  }
}
