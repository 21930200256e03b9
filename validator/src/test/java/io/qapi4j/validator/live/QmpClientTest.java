package io.qapi4j.validator.live;

import static io.qapi4j.validator.live.FakeServer.readLine;
import static io.qapi4j.validator.live.FakeServer.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The QMP client against scripted servers: framing, ids, events, timeouts, dead peers. */
class QmpClientTest {

  private static final String GREETING =
      "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 0, \"minor\": 2, \"major\": 7}, \"package\": \"\"}, \"capabilities\": [\"oob\"]}}\r\n";
  /** For the tests that expect a timeout; the others keep the default, as the machine may be busy. */
  private static final ClientOptions FAST = ClientOptions.defaults().withTimeout(Duration.ofMillis(300));
  private static final ClientOptions NORMAL = ClientOptions.defaults();

  @Test
  void repliesAreMatchedByIdWhileEventsAndStrayRepliesAreKept() throws Exception {
    try (FakeServer server = new FakeServer(c -> {
      write(c, GREETING);
      assertThat(readLine(c)).isEqualTo("{\"execute\":\"qmp_capabilities\",\"arguments\":{\"enable\":[\"oob\"]},\"id\":1}");
      write(c, "{\"return\": {}, \"id\": 1}\r\n");
      assertThat(readLine(c)).isEqualTo("{\"execute\":\"stop\",\"id\":2}");
      // An event, a reply for someone else, then ours — one byte at a time.
      byte[] bytes = ("{\"timestamp\": {\"seconds\": 1, \"microseconds\": 2}, \"event\": \"STOP\"}\r\n"
          + "{\"return\": {}, \"id\": 99}\r\n{\"return\": {}, \"id\": 2}\r\n").getBytes(StandardCharsets.UTF_8);
      for (byte b : bytes) {
        write(c, new byte[] {b});
      }
      readLine(c);
    });
        QmpClient qmp = QmpClient.connect(Transport.unixSocket(server.socket()), NORMAL)) {
      assertThat(qmp.offeredCapabilities()).containsExactly("oob");
      qmp.negotiate("oob");

      Reply stop = qmp.execute("stop");

      assertThat(stop.message().text()).isEqualTo("{\"return\": {}, \"id\": 2}");
      assertThat(stop.command()).isEqualTo("stop");
      assertThat(qmp.unsolicited()).extracting(ServerMessage::text).containsExactly("{\"return\": {}, \"id\": 99}");
      assertThat(qmp.awaitEvent("STOP").eventName()).isEqualTo("STOP");
      assertThat(qmp.events()).isEmpty();
    }
  }

  @Test
  void aSilentServerTimesOutWithAClearMessage() throws Exception {
    try (FakeServer server = new FakeServer(c -> readLine(c))) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> QmpClient.connect(Transport.unixSocket(server.socket()), FAST))
          .isInstanceOf(LiveException.class)
          .hasMessage("no answer from unix:" + server.socket()
              + " within 300 ms while waiting for the QMP greeting");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void somethingElseThanAGreetingIsRefused() throws Exception {
    try (FakeServer server = new FakeServer(c -> {
      write(c, "{\"return\": {}}\n");
      readLine(c);
    })) {
      assertThatThrownBy(() -> QmpClient.connect(Transport.unixSocket(server.socket()), NORMAL))
          .isInstanceOf(LiveException.class)
          .hasMessage("expected the QMP greeting from unix:" + server.socket() + ", got: {\"return\": {}}");
    }
  }

  @Test
  void aServerThatHangsUpMidCommandIsAClearError() throws Exception {
    try (FakeServer server = new FakeServer(c -> {
      write(c, GREETING);
      readLine(c);
      write(c, "{\"return\": {}, \"id\": 1}\r\n");
      readLine(c);
      write(c, "{\"return\": {\"part");
    });
        QmpClient qmp = QmpClient.connect(Transport.unixSocket(server.socket()), NORMAL)) {
      qmp.negotiate();

      assertThatThrownBy(() -> qmp.execute("query-status"))
          .isInstanceOf(LiveException.class)
          .hasMessage("unix:" + server.socket()
              + " closed the connection while waiting for the reply to query-status");
      // The cut message is kept, with what is wrong with it.
      assertThat(qmp.unsolicited()).singleElement().satisfies(m -> {
        assertThat(m.text()).isEqualTo("{\"return\": {\"part");
        assertThat(m.json()).isNull();
        assertThat(m.problem()).isEqualTo("the stream ended before the end of the line");
      });
      assertThatThrownBy(() -> qmp.execute("query-status")).isInstanceOf(LiveException.class);
    }
  }

  @Test
  void nothingListeningIsAClearError() {
    assertThatThrownBy(() -> Transport.unixSocket(Path.of("/nonexistent/qapi4j.sock")))
        .isInstanceOf(LiveException.class)
        .hasMessageStartingWith("cannot connect to unix:/nonexistent/qapi4j.sock: ");
  }

  @Test
  void aServerThatAcceptsNoMoreIsATimeoutNotAHang() throws Exception {
    Path dir = ChildProcess.newDirectory("qapi4j-busy-");
    try (var server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(dir.resolve("busy.sock")), 1);
      List<Transport> queued = new ArrayList<>();
      try {
        assertThatThrownBy(() -> {
          for (int i = 0; i < 100; i++) {
            queued.add(Transport.unixSocket(dir.resolve("busy.sock"), Duration.ofMillis(200)));
          }
        }).isInstanceOf(LiveException.class)
            .hasMessage("cannot connect to unix:" + dir.resolve("busy.sock")
                + " within 200 ms: the server accepts no more connections");
        assertThat(queued).isNotEmpty().hasSizeLessThan(100);
      } finally {
        queued.forEach(Transport::close);
      }
    } finally {
      ChildProcess.deleteTree(dir);
    }
  }

  @Test
  void hostileServerOutputIsKeptAsUnreadableAndTheReplyStillFound() throws Exception {
    try (FakeServer server = new FakeServer(c -> {
      write(c, GREETING);
      readLine(c);
      write(c, "[".repeat(100_000) + "\r\n");
      write(c, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}', '\r', '\n'});
      write(c, "{\"return\": {}, \"id\": 1}\r\n");
      readLine(c);
    });
        QmpClient qmp = QmpClient.connect(Transport.unixSocket(server.socket()), NORMAL)) {
      Reply r = qmp.execute("query-status");

      assertThat(r.message().text()).isEqualTo("{\"return\": {}, \"id\": 1}");
      assertThat(qmp.unsolicited()).hasSize(2).allSatisfy(m -> {
        assertThat(m.json()).isNull();
        assertThat(m.problem()).startsWith("not JSON: ");
      });
    }
  }

  @Test
  void aStreamTransportCarriesASessionToo() throws Exception {
    var toClient = new PipedInputStream();
    var serverOut = new PipedOutputStream(toClient);
    var sent = new ByteArrayOutputStream();
    serverOut.write((GREETING + "{\"return\": {\"running\": true}, \"id\": 1}\n")
        .getBytes(StandardCharsets.UTF_8));
    try (QmpClient qmp = QmpClient.connect(Transport.of(toClient, sent, "pipes"), NORMAL)) {
      Reply r = qmp.execute("query-status");

      assertThat(r.result().get("running").asBoolean()).isTrue();
      assertThat(sent.toString(StandardCharsets.UTF_8)).isEqualTo("{\"execute\":\"query-status\",\"id\":1}\n");
    }
  }
}
