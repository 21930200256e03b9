package io.qapi4j.validator.live;

import static io.qapi4j.validator.live.FakeServer.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The guest agent client's sync against a scripted agent. */
class QgaClientTest {

  @Test
  void syncSendsTheSentinelAndSkipsEverythingBeforeItsId() throws Exception {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    try (FakeServer agent = new FakeServer(c -> {
      // What the client sends: 0xFF, then guest-sync-delimited with its id.
      ByteBuffer b = ByteBuffer.allocate(4096);
      while (received.size() == 0 || received.toByteArray()[received.size() - 1] != '\n') {
        b.clear();
        c.read(b);
        received.write(b.array(), 0, b.position());
      }
      String request = received.toString(StandardCharsets.ISO_8859_1).substring(1);
      String id = request.replaceAll(".*\"id\":(\\d+).*\n", "$1");
      // A stale answer for an earlier client, the agent's answer to 0xFF, then the real one.
      write(c, "{\"return\": 1}\n{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, stray '\\uFFFD'\"}}\n");
      write(c, new byte[] {(byte) 0xFF});
      write(c, "{\"return\": " + id + "}\n");
      FakeServer.readLine(c);
    });
        QgaClient qga = QgaClient.connect(Transport.unixSocket(agent.socket()))) {
      Reply sync = qga.sync();

      assertThat(received.toByteArray()[0]).isEqualTo((byte) 0xFF);
      assertThat(received.toString(StandardCharsets.ISO_8859_1))
          .matches("(?s)\u00ff\\{\"execute\":\"guest-sync-delimited\",\"arguments\":\\{\"id\":\\d+}}\n");
      assertThat(sync.message().afterSentinel()).isTrue();
      assertThat(sync.request()).isEqualTo(received.toString(StandardCharsets.ISO_8859_1).substring(1).strip());
      assertThat(qga.unsolicited()).hasSize(2);
    }
  }
}
