package io.qapi4j.validator.live;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Commands and their replies over a {@link WireConnection}, shared by the QMP and QGA clients:
 * each command gets an {@code id}, and its reply is the one that carries it back. Events that
 * arrive meanwhile are kept in order; other replies (e.g. qemu-ga's answer to a 0xFF byte) are
 * kept as unsolicited. Both lists are bounded: the oldest entries go first.
 */
final class CommandExchange implements AutoCloseable {

  /** How many events and unsolicited messages are kept at most. */
  static final int KEPT = 10_000;

  private final WireConnection wire;
  private final Duration timeout;
  private final AtomicLong nextId = new AtomicLong(1);
  private final Deque<ServerMessage> events = new ArrayDeque<>();
  private final Deque<ServerMessage> unsolicited = new ArrayDeque<>();

  CommandExchange(WireConnection wire, Duration timeout) {
    this.wire = wire;
    this.timeout = timeout;
  }

  /** Sends {@code {KEY: command, "arguments": arguments, "id": N}} and returns its reply. */
  Reply execute(String key, String command, @Nullable JsonNode arguments) {
    long id = nextId.getAndIncrement();
    ObjectNode message = WireJson.object();
    message.put(key, command);
    if (arguments != null) {
      message.set("arguments", arguments);
    }
    message.put("id", id);
    String text = WireJson.write(message);
    return sendAndAwait(new byte[0], text, command, m -> {
      JsonNode replyId = m.id();
      return replyId != null && replyId.isIntegralNumber() && replyId.longValue() == id;
    });
  }

  /**
   * Sends {@code prefix} (e.g. a 0xFF byte), then {@code text} and a newline, and returns the
   * first reply {@code isTheReply} accepts; replies before it are kept as unsolicited.
   */
  Reply sendAndAwait(byte[] prefix, String text, @Nullable String command,
      Predicate<ServerMessage> isTheReply) {
    byte[] line = (text + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[prefix.length + line.length];
    System.arraycopy(prefix, 0, bytes, 0, prefix.length);
    System.arraycopy(line, 0, bytes, prefix.length, line.length);
    wire.send(bytes);
    String waitingFor = "the reply to " + (command != null ? command : text);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      ServerMessage m = wire.next(deadline, timeout, waitingFor);
      if (m.isEvent()) {
        keep(events, m);
      } else if (m.isReply() && isTheReply.test(m)) {
        return new Reply(command, text, m);
      } else {
        keep(unsolicited, m);
      }
    }
  }

  /**
   * Sends {@code text} as it is, plus a newline, and returns the next reply, whatever it carries
   * (for requests that are broken on purpose). The command is the one the text names, if any.
   */
  Reply send(String text) {
    return sendAndAwait(new byte[0], text, commandName(text), m -> true);
  }

  /** The command a request names ({@code execute} or {@code exec-oob}), or {@code null}. */
  private static @Nullable String commandName(String text) {
    JsonNode json = WireJson.parse(text, new StringBuilder());
    if (json == null || !json.isObject()) {
      return null;
    }
    for (String key : List.of("execute", "exec-oob")) {
      JsonNode name = json.get(key);
      if (name != null && name.isString()) {
        return name.asString();
      }
    }
    return null;
  }

  /** The next message, whatever it is (for a greeting). */
  ServerMessage next(String waitingFor) {
    return wire.next(System.nanoTime() + timeout.toNanos(), timeout, waitingFor);
  }

  /** Waits for the event {@code name}, taking it from the kept events if it already came. */
  ServerMessage awaitEvent(String name) {
    synchronized (events) {
      for (var it = events.iterator(); it.hasNext(); ) {
        ServerMessage m = it.next();
        if (name.equals(m.eventName())) {
          it.remove();
          return m;
        }
      }
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      ServerMessage m = wire.next(deadline, timeout, "the event " + name);
      if (name.equals(m.eventName())) {
        return m;
      }
      keep(m.isEvent() ? events : unsolicited, m);
    }
  }

  List<ServerMessage> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  List<ServerMessage> takeEvents() {
    synchronized (events) {
      List<ServerMessage> taken = new ArrayList<>(events);
      events.clear();
      return taken;
    }
  }

  List<ServerMessage> unsolicited() {
    synchronized (unsolicited) {
      return List.copyOf(unsolicited);
    }
  }

  private static void keep(Deque<ServerMessage> list, ServerMessage m) {
    synchronized (list) {
      if (list.size() == KEPT) {
        list.removeFirst();
      }
      list.addLast(m);
    }
  }

  @Override
  public void close() {
    wire.close();
  }
}
