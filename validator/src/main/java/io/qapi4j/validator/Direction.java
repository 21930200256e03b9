package io.qapi4j.validator;

/** Which way a message travels, when a capture or session knows it. */
public enum Direction {
  /** Client to server ({@code ->}): commands. Anything else sent this way is a broken command. */
  CLIENT,
  /** Server to client ({@code <-}): greeting, replies, events. */
  SERVER,
  /** Not known: the message's envelope decides. */
  UNKNOWN;

  /** {@code ->}, {@code <-} or {@code ?}, as transcripts write it. */
  public String arrow() {
    return switch (this) {
      case CLIENT -> "->";
      case SERVER -> "<-";
      case UNKNOWN -> "?";
    };
  }
}
