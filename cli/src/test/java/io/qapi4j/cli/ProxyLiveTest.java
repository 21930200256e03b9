package io.qapi4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.qapi4j.validator.live.ClientOptions;
import io.qapi4j.validator.live.QemuIntrospection;
import io.qapi4j.validator.live.QemuProcess;
import io.qapi4j.validator.live.QmpClient;
import io.qapi4j.validator.live.TranscriptRecorder;
import io.qapi4j.validator.live.Transport;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code qapi4j proxy} in front of the real QEMU 7.2: a client runs a short session with a few
 * mistakes through it; the proxy reports exactly those, the client gets exactly what the proxy got
 * from QEMU (the client's own transcript is the proxy's record), and the session ends with
 * {@code quit}. Skipped without QEMU, unless {@code QAPI4J_REQUIRE_SHARED} is set (CI).
 */
class ProxyLiveTest {

  /** The session; the comments say what the proxy must report. */
  private static final List<String> SCRIPT = List.of(
      "{\"execute\":\"query-version\",\"id\":1}",              // before negotiation
      "{\"execute\":\"qmp_capabilities\",\"id\":2}",
      "{\"execute\":\"query-qmp-schema\",\"id\":3}",           // the schema from here on
      "{\"execute\":\"qom-list\",\"arguments\":{},\"id\":4}",  // 'path' is missing
      "[]",                                                      // not an object
      "{\"execute\":\"qmp_capabilities\",\"id\":6}",           // negotiation again: refused
      "{\"execute\":\"query-status\",\"id\":7}",
      "{\"execute\":\"quit\",\"id\":8}");

  @TempDir Path dir;

  private static Path qemu() {
    Optional<Path> qemu = QemuIntrospection.qemuOnPath(System.getenv("PATH"));
    if (qemu.isEmpty() && System.getenv("QAPI4J_REQUIRE_SHARED") != null) {
      throw new AssertionError("QAPI4J_REQUIRE_SHARED is set but no qemu-system-* is on PATH");
    }
    assumeTrue(qemu.isPresent(), "no QEMU on PATH");
    return qemu.get();
  }

  @Test
  void aSessionThroughTheProxyToQemuIsReportedExactlyAndRelayedUnchanged() throws Exception {
    Path binary = qemu();
    Path record = dir.resolve("session.log");
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    int exit;
    ProxyRun proxy;
    try (QemuProcess qemu = QemuProcess.builder().binary(binary.toString()).start()) {
      Path listen = qemu.socketPath().resolveSibling("proxy.sock");
      proxy = ProxyRun.start("proxy", "--format", "json", "--listen", "unix:" + listen,
          "--connect", "unix:" + qemu.socketPath(), "--record", record.toString());
      try (TranscriptRecorder transcript = TranscriptRecorder.to(seen);
           QmpClient qmp = QmpClient.connect(Transport.unixSocket(listen),
               ClientOptions.defaults().withTap(transcript))) {
        for (String request : SCRIPT) {
          qmp.send(request);
        }
      }
      exit = proxy.await(30_000);
    }

    List<String> found = new ArrayList<>();
    for (String line : proxy.out().split("\n")) {
      JsonNode v = JsonMapper.shared().readTree(line).get("violation");
      if (v != null) {
        found.add(v.get("line").asInt() + " " + v.get("direction").asString() + " "
            + v.get("code").asString() + " " + v.get("pointer").asString() + " "
            + v.get("severity").asString());
      }
    }
    assertThat(found).containsExactly("2 -> PROTOCOL_ORDER  error",
        "8 -> MISSING_MEMBER /arguments/path error", "10 -> NOT_AN_OBJECT  error",
        "12 -> PROTOCOL_ORDER  error");
    assertThat(exit).isEqualTo(ExitCode.FINDINGS);
    assertThat(Files.readString(record)).isEqualTo(seen.toString(StandardCharsets.UTF_8));
    assertThat(Files.readAllLines(record)).hasSize(1 + 2 * SCRIPT.size() + 1)
        .anyMatch(l -> l.startsWith("<- {\"timestamp\": ") && l.contains("\"SHUTDOWN\""));
    assertThat(proxy.err()).contains("qapi4j: proxy: schema: QEMU 7.2.")
        .contains("qapi4j: proxy: schema: the server's query-qmp-schema reply (line 7, ")
        .contains("qapi4j: proxy: the server closed the connection");
    JsonNode summary = JsonMapper.shared().readTree(proxy.out().strip()
        .substring(proxy.out().strip().lastIndexOf('\n') + 1)).get("summary");
    assertThat(summary.get("messages").asInt()).isEqualTo(18);
    assertThat(summary.get("errors").asInt()).isEqualTo(4);
  }
}
