package io.qapi4j.validator.capture;

import io.qapi4j.validator.Direction;

/**
 * Numbers the lines of a live session's transcript as the bytes of both directions arrive in
 * wire order: every line of either direction's stream (up to its {@code \n}; empty lines are
 * none) is one line of the transcript, numbered in the order the lines <em>start</em>, so that a
 * message's line is known from its first byte.
 *
 * <p>A line still open while the other direction sends more than {@value #MAX_WAITING} bytes of
 * lines that started after it is cut there — ended without its {@code \n}; the rest of it starts
 * a new line — so whoever writes the transcript in line order never holds more than that.
 */
final class TranscriptLines {

  /** Receives the lines, byte by byte, in wire order. */
  interface Sink {
    /** A line of {@code direction} starts; {@code number} is its 1-based transcript line. */
    void lineStarted(Direction direction, long number);

    /** Bytes of the open line of {@code direction}: never a {@code \n}. */
    void bytes(Direction direction, byte[] chunk, int offset, int length);

    /** The open line of {@code direction} ends: with its {@code \n}, or cut short. */
    void lineEnded(Direction direction, boolean newline);
  }

  /** How many bytes of later lines an open line lets pass before it is cut. */
  static final int MAX_WAITING = 1 << 20;

  /** One direction's open line. */
  private static final class Open {
    boolean open;
    long number;
    long waiting;
  }

  private final Sink sink;
  private final int maxWaiting;
  private final Open client = new Open();
  private final Open server = new Open();
  private long lines;

  TranscriptLines(Sink sink) {
    this(sink, MAX_WAITING);
  }

  TranscriptLines(Sink sink, int maxWaiting) {
    this.sink = sink;
    this.maxWaiting = maxWaiting;
  }

  /** How many lines have started so far. */
  long lines() {
    return lines;
  }

  /** Takes {@code length} bytes of {@code chunk} from {@code offset}, sent {@code direction}. */
  void feed(Direction direction, byte[] chunk, int offset, int length) {
    boolean fromClient = direction == Direction.CLIENT;
    Open self = fromClient ? client : server;
    Open other = fromClient ? server : client;
    Direction otherDirection = fromClient ? Direction.SERVER : Direction.CLIENT;
    int i = offset;
    int end = offset + length;
    while (i < end) {
      if (!self.open) {
        if (chunk[i] == '\n') {
          i++;
          continue;
        }
        self.open = true;
        self.number = ++lines;
        self.waiting = 0;
        sink.lineStarted(direction, self.number);
      }
      int newline = i;
      while (newline < end && chunk[newline] != '\n') {
        newline++;
      }
      if (newline > i) {
        sink.bytes(direction, chunk, i, newline - i);
      }
      if (other.open && other.number < self.number) {
        other.waiting += newline - i + 1;
        if (other.waiting > maxWaiting) {
          other.open = false;
          sink.lineEnded(otherDirection, false);
        }
      }
      if (newline < end) {
        self.open = false;
        sink.lineEnded(direction, true);
      }
      i = newline + 1;
    }
  }

  /** The session ended: the open lines end, the older first. */
  void finish() {
    boolean clientFirst = !server.open || (client.open && client.number < server.number);
    for (Direction d : clientFirst ? new Direction[] {Direction.CLIENT, Direction.SERVER}
        : new Direction[] {Direction.SERVER, Direction.CLIENT}) {
      Open open = d == Direction.CLIENT ? client : server;
      if (open.open) {
        open.open = false;
        sink.lineEnded(d, false);
      }
    }
  }
}
