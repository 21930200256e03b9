package io.qapi4j.validator.live;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small synchronous QMP client: reads the greeting, negotiates capabilities, executes commands
 * and returns their replies; events that arrive meanwhile are kept in order. Every wait has the
 * timeout of its {@link ClientOptions}; a server that dies or stops answering gives a {@link
 * LiveException} that says so, never a hang. An error reply is no exception: it is a {@link
 * Reply} like any other.
 *
 * <pre>{@code
 * try (QemuProcess qemu = QemuProcess.builder().start();
 *      QmpClient qmp = qemu.connect()) {
 *   qmp.negotiate();
 *   Reply status = qmp.execute("query-status");
 *   System.out.println(status.result());                  // {"status":"running","running":true}
 *   qmp.execute("stop");
 *   qmp.awaitEvent("STOP");
 * }
 * }</pre>
 */
public final class QmpClient implements AutoCloseable {

  private final CommandExchange exchange;
  private final ServerMessage greeting;

  private QmpClient(CommandExchange exchange, ServerMessage greeting) {
    this.exchange = exchange;
    this.greeting = greeting;
  }

  /** Connects over {@code transport} with the default options and reads the greeting. */
  public static QmpClient connect(Transport transport) {
    return connect(transport, ClientOptions.defaults());
  }

  /**
   * Connects over {@code transport} and reads the greeting.
   *
   * @throws LiveException if no greeting comes within the timeout, or something else comes
   */
  public static QmpClient connect(Transport transport, ClientOptions options) {
    return connect(transport, options, PeerState.UNKNOWN);
  }

  static QmpClient connect(Transport transport, ClientOptions options, PeerState peerState) {
    CommandExchange exchange = new CommandExchange(
        new WireConnection(transport, options.tap(), peerState), options.timeout());
    try {
      ServerMessage greeting = exchange.next("the QMP greeting");
      JsonNode json = greeting.json();
      if (json == null || !json.isObject() || !json.has("QMP")) {
        throw new LiveException("expected the QMP greeting from " + transport.description()
            + ", got: " + greeting.text());
      }
      return new QmpClient(exchange, greeting);
    } catch (RuntimeException e) {
      exchange.close();
      throw e;
    }
  }

  /** The greeting the server sent on connect. */
  public ServerMessage greeting() {
    return greeting;
  }

  /** The capabilities the greeting offers ({@code oob} on QEMU 2.12 and later, where possible). */
  public List<String> offeredCapabilities() {
    List<String> caps = new ArrayList<>();
    JsonNode json = greeting.json();
    JsonNode list = json != null ? json.path("QMP").path("capabilities") : null;
    if (list != null && list.isArray()) {
      list.forEach(c -> caps.add(c.asString()));
    }
    return caps;
  }

  /**
   * Leaves capabilities negotiation mode with {@code qmp_capabilities}, enabling {@code
   * capabilities} (e.g. {@code oob}).
   *
   * @throws LiveException if the server refuses
   */
  public Reply negotiate(String... capabilities) {
    ObjectNode args = null;
    if (capabilities.length > 0) {
      args = WireJson.object();
      ArrayNode enable = args.putArray("enable");
      for (String c : capabilities) {
        enable.add(c);
      }
    }
    Reply reply = execute("qmp_capabilities", args);
    if (reply.isError()) {
      throw new LiveException("qmp_capabilities failed: " + reply.errorDescription());
    }
    return reply;
  }

  /** Executes {@code command} without arguments. */
  public Reply execute(String command) {
    return execute(command, null);
  }

  /** Executes {@code command} with {@code arguments} (an object, or {@code null} for none). */
  public Reply execute(String command, @Nullable JsonNode arguments) {
    return exchange.execute("execute", command, arguments);
  }

  /** Executes {@code command} out of band ({@code exec-oob}; needs the {@code oob} capability). */
  public Reply executeOob(String command, @Nullable JsonNode arguments) {
    return exchange.execute("exec-oob", command, arguments);
  }

  /**
   * Sends {@code text} exactly as given (one line; a newline is added) and returns the next reply,
   * whatever it carries — for requests broken on purpose, which QEMU may answer without an id.
   */
  public Reply send(String text) {
    return exchange.send(text);
  }

  /** Waits for the event {@code name} (or takes it from the events already kept). */
  public ServerMessage awaitEvent(String name) {
    return exchange.awaitEvent(name);
  }

  /** The events received so far and not yet taken, oldest first. */
  public List<ServerMessage> events() {
    return exchange.events();
  }

  /** Takes the events received so far, oldest first. */
  public List<ServerMessage> takeEvents() {
    return exchange.takeEvents();
  }

  /** Replies and other messages that answered nothing this client waited for. */
  public List<ServerMessage> unsolicited() {
    return exchange.unsolicited();
  }

  /** Closes the connection (the server is not told; QEMU just waits for the next client). */
  @Override
  public void close() {
    exchange.close();
  }
}
