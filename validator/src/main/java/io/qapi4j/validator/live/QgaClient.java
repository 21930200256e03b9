package io.qapi4j.validator.live;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A small synchronous guest agent (QGA) client. The agent sends no greeting: a client first
 * resynchronises the stream with {@link #sync()} — a 0xFF byte, which makes the agent drop any
 * partial input an earlier client left, then {@code guest-sync-delimited} with a random id; the
 * agent answers with a 0xFF byte and the id, and everything before that is discarded (kept in
 * {@link #unsolicited()}). Timeouts and errors as in {@link QmpClient}.
 *
 * <pre>{@code
 * try (GuestAgentProcess agent = GuestAgentProcess.builder().start();
 *      QgaClient qga = agent.connect()) {
 *   qga.sync();
 *   System.out.println(qga.execute("guest-info").result().get("version"));
 * }
 * }</pre>
 */
public final class QgaClient implements AutoCloseable {

  private static final byte[] SENTINEL = {(byte) 0xFF};

  private final CommandExchange exchange;

  private QgaClient(CommandExchange exchange) {
    this.exchange = exchange;
  }

  /** Connects over {@code transport} with the default options. */
  public static QgaClient connect(Transport transport) {
    return connect(transport, ClientOptions.defaults());
  }

  /** Connects over {@code transport}. Nothing is sent yet: call {@link #sync()} first. */
  public static QgaClient connect(Transport transport, ClientOptions options) {
    return connect(transport, options, PeerState.UNKNOWN);
  }

  static QgaClient connect(Transport transport, ClientOptions options, PeerState peerState) {
    return new QgaClient(new CommandExchange(
        new WireConnection(transport, options.tap(), peerState), options.timeout()));
  }

  /**
   * Resynchronises with the agent: sends 0xFF and {@code guest-sync-delimited} with a random id,
   * and discards everything until the reply that carries the id back.
   *
   * @return the reply carrying the id ({@link ServerMessage#afterSentinel()} tells whether the
   *     agent put its 0xFF before it, as it should)
   */
  public Reply sync() {
    long id = ThreadLocalRandom.current().nextLong(1, 1L << 31);
    String text = "{\"execute\":\"guest-sync-delimited\",\"arguments\":{\"id\":" + id + "}}";
    return exchange.sendAndAwait(SENTINEL, text, "guest-sync-delimited", m -> {
      JsonNode json = m.json();
      JsonNode ret = json != null ? json.get("return") : null;
      return ret != null && ret.isIntegralNumber() && ret.longValue() == id;
    });
  }

  /** Executes {@code command} without arguments. */
  public Reply execute(String command) {
    return execute(command, null);
  }

  /** Executes {@code command} with {@code arguments} (an object, or {@code null} for none). */
  public Reply execute(String command, @Nullable JsonNode arguments) {
    return exchange.execute("execute", command, arguments);
  }

  /**
   * Sends {@code text} exactly as given (one line; a newline is added) and returns the next
   * reply, whatever it carries — for requests broken on purpose.
   */
  public Reply send(String text) {
    return exchange.send(text);
  }

  /** Replies that answered nothing this client waited for (e.g. the agent's answer to 0xFF). */
  public List<ServerMessage> unsolicited() {
    return exchange.unsolicited();
  }

  /** Closes the connection; the agent waits for the next client. */
  @Override
  public void close() {
    exchange.close();
  }
}
