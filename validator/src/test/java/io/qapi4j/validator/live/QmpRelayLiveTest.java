package io.qapi4j.validator.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The relay in front of the real QEMU: a client gets through it exactly what it gets directly,
 * and the relay's tap sees both directions byte for byte, in the order the client saw them.
 */
class QmpRelayLiveTest {

  /** The same requests both times; none whose answer depends on the connection. */
  private static final List<String> SCRIPT = List.of(
      "{\"execute\":\"qmp_capabilities\",\"id\":1}",
      "{\"execute\":\"query-version\",\"id\":2}",
      "{\"execute\":\"query-qmp-schema\",\"id\":3}",
      "{\"execute\":\"query-commands\",\"id\":4}",
      "{\"execute\":\"qom-list\",\"arguments\":{\"path\":\"/machine\"},\"id\":5}",
      "{\"execute\":\"stop\",\"id\":6}",
      "{\"execute\":\"query-status\",\"id\":7}",
      "{\"execute\":\"cont\",\"id\":8}",
      "{\"execute\":\"qom-list\",\"arguments\":{},\"id\":9}",
      "{\"execute\":\"query-status\",\"qapi4j\":1,\"id\":10}",
      "[]");

  /** What one client session carried, as its own tap saw it, and as a transcript. */
  private record Seen(ByteTap bytes, String transcript) {}

  private static Seen session(Transport transport) {
    ByteTap bytes = new ByteTap();
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    try (TranscriptRecorder transcript = TranscriptRecorder.to(text);
         QmpClient qmp = QmpClient.connect(transport, ClientOptions.defaults().withTap(bytes.andThen(transcript)))) {
      for (String request : SCRIPT) {
        qmp.send(request);
      }
    }
    return new Seen(bytes, text.toString(StandardCharsets.UTF_8));
  }

  /** Event timestamps differ between two runs; nothing else may. */
  private static String withoutTimestamps(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8).replaceAll(
        "\"timestamp\": \\{\"seconds\": \\d+, \"microseconds\": \\d+}", "\"timestamp\": T");
  }

  @Test
  void aClientThroughTheRelayGetsWhatItGetsDirectlyAndTheTapSeesEveryByte() throws Exception {
    Path binary = LiveBinaries.qemu();
    try (QemuProcess qemu = QemuProcess.builder().binary(binary.toString()).start()) {
      Seen direct = session(Transport.unixSocket(qemu.socketPath()));

      ByteTap relayed = new ByteTap();
      ByteArrayOutputStream relayText = new ByteArrayOutputStream();
      Seen through;
      try (TranscriptRecorder relayTranscript = TranscriptRecorder.to(relayText);
           UnixSocketRelay relay = UnixSocketRelay.start(qemu.socketPath().resolveSibling("relay.sock"),
               qemu.socketPath(), relayed.andThen(relayTranscript))) {
        through = session(Transport.unixSocket(relay.listenPath()));
        assertThat(relay.awaitIdle(5000)).isTrue();
        assertThat(relay.failures()).isEmpty();
      }

      assertThat(direct.bytes().server().length).isGreaterThan(100_000);
      assertThat(withoutTimestamps(through.bytes().server()))
          .isEqualTo(withoutTimestamps(direct.bytes().server()));
      assertThat(through.bytes().client()).isEqualTo(direct.bytes().client());
      assertThat(relayed.server()).isEqualTo(through.bytes().server());
      assertThat(relayed.client()).isEqualTo(through.bytes().client());
      assertThat(relayText.toString(StandardCharsets.UTF_8)).isEqualTo(through.transcript());
      assertThat(through.transcript().lines()).hasSize(1 + 2 * SCRIPT.size() + 2);
    }
  }
}
