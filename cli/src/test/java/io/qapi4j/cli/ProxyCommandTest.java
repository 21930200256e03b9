package io.qapi4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.testing.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code qapi4j proxy} in-process, in front of a scripted server: what it reports while the
 * session runs and when it ends, what it records, and how it ends when a side goes away or the
 * sockets are wrong — never by hanging.
 */
class ProxyCommandTest {

  private static final String SCHEMA = SharedData.testdata("captures/session-schema.json")
      .toString();

  /** The scripted session: each request and the server's answer. */
  private static final Map<String, String> ANSWERS = Map.of(
      "{\"execute\": \"qmp_capabilities\", \"id\": 1}", "{\"return\": {}, \"id\": 1}",
      "{\"execute\": \"set-speed\", \"arguments\": {\"device\": \"d\", \"speed\": -1}, \"id\": 2}",
      "{\"id\": 2, \"error\": {\"class\": \"GenericError\", \"desc\": \"Parameter 'speed' expects"
          + " uint32_t\"}}",
      "[]", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input must be a JSON"
          + " object\"}}",
      "{\"execute\": \"query-status\", \"id\": 3}",
      "{\"return\": {\"running\": true, \"status\": \"sleeping\"}, \"id\": 3}",
      "{\"execute\": \"quit\", \"id\": 4}", "{\"return\": {}, \"id\": 4}");

  /** The requests in the order the client sends them. */
  private static final List<String> REQUESTS = List.of(
      "{\"execute\": \"qmp_capabilities\", \"id\": 1}",
      "{\"execute\": \"set-speed\", \"arguments\": {\"device\": \"d\", \"speed\": -1}, \"id\": 2}",
      "[]",
      "{\"execute\": \"query-status\", \"id\": 3}",
      "{\"execute\": \"quit\", \"id\": 4}");

  @TempDir Path dir;

  /** A client: connects, reads the greeting, sends each request and reads its reply, closes. */
  private static byte[] client(Path socket, List<String> requests, boolean greeting)
      throws IOException {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      c.connect(UnixDomainSocketAddress.of(socket));
      if (greeting) {
        readLine(c, received);
      }
      for (String request : requests) {
        ByteBuffer b = ByteBuffer.wrap((request + "\n").getBytes(StandardCharsets.UTF_8));
        while (b.hasRemaining()) {
          c.write(b);
        }
        readLine(c, received);
      }
    }
    return received.toByteArray();
  }

  private static void readLine(SocketChannel c, ByteArrayOutputStream into) throws IOException {
    ByteBuffer one = ByteBuffer.allocate(1);
    while (c.read(one.clear()) > 0) {
      into.write(one.get(0));
      if (one.get(0) == '\n') {
        return;
      }
    }
  }

  /** Each JSON line's violation as {@code LINE ARROW CODE POINTER}, and the summary line. */
  private static List<String> violations(String jsonLines) {
    List<String> out = new ArrayList<>();
    for (String line : jsonLines.split("\n")) {
      JsonNode node = JsonMapper.shared().readTree(line);
      JsonNode v = node.get("violation");
      if (v != null) {
        out.add(v.get("line").asInt() + " " + v.get("direction").asString() + " "
            + v.get("code").asString() + " " + v.get("pointer").asString());
      }
    }
    return out;
  }

  private static JsonNode lastLine(String jsonLines) {
    String[] lines = jsonLines.strip().split("\n");
    return JsonMapper.shared().readTree(lines[lines.length - 1]);
  }

  @Test
  void aSessionThroughTheProxyIsRelayedUnchangedAndItsMistakesReportedAsTheyHappen()
      throws Exception {
    Path server = dir.resolve("qmp.sock");
    Path listen = dir.resolve("proxy.sock");
    Path record = dir.resolve("session.log");
    try (QmpResponder qemu = new QmpResponder(server, QmpResponder.GREETING, ANSWERS::get, true)) {
      ProxyRun proxy = ProxyRun.start("proxy", "--listen", "unix:" + listen, "--connect",
          "unix:" + server, "--schema", SCHEMA, "--format", "json", "--record", record.toString());

      byte[] received = client(listen, REQUESTS, true);
      int exit = proxy.await(20_000);

      assertThat(exit).isEqualTo(ExitCode.FINDINGS);
      assertThat(received).isEqualTo(qemu.sent());
      assertThat(violations(proxy.out())).containsExactly("4 -> OUT_OF_RANGE /arguments/speed",
          "6 -> NOT_AN_OBJECT ", "9 <- INVALID_ENUM_VALUE /return/status");
      JsonNode summary = lastLine(proxy.out()).get("summary");
      assertThat(summary.get("messages").asInt()).isEqualTo(11);
      assertThat(summary.get("errors").asInt()).isEqualTo(3);
      assertThat(summary.at("/captures/0/source").asString()).isEqualTo(record.toString());
      assertThat(proxy.err()).contains("qapi4j: proxy: schema: schema file " + SCHEMA)
          .contains("the client closed the connection");

      List<String> transcript = Files.readAllLines(record);
      assertThat(transcript).hasSize(11);
      assertThat(transcript.get(0)).isEqualTo("<- " + QmpResponder.GREETING);
      assertThat(transcript.get(5)).isEqualTo("-> []");
      // The record reads back to the same findings.
      CliRun again = CliRun.of("validate", "--schema", SCHEMA, "--format", "json",
          record.toString());
      List<String> found = new ArrayList<>();
      JsonMapper.shared().readTree(again.out()).get("violations").forEach(v -> found.add(
          v.get("line").asInt() + " " + v.get("direction").asString() + " "
              + v.get("code").asString() + " " + v.get("pointer").asString()));
      assertThat(found).isEqualTo(violations(proxy.out()));
    }
  }

  @Test
  void withNoSchemaGivenTheBundledQemuIntrospectionChecksModernTraffic() throws Exception {
    Path server = dir.resolve("qmp.sock");
    Path listen = dir.resolve("proxy.sock");
    Map<String, String> answers = Map.of(
        REQUESTS.get(0), ANSWERS.get(REQUESTS.get(0)),
        "{\"execute\": \"query-yank\", \"id\": 2}",
        "{\"return\": [{\"type\": \"chardev\", \"id\": \"compat_monitor0\"}], \"id\": 2}",
        "{\"execute\": \"query-status\", \"id\": 3}",
        "{\"return\": {\"status\": \"running\", \"running\": true}, \"id\": 3}",
        REQUESTS.get(4), ANSWERS.get(REQUESTS.get(4)));
    try (QmpResponder qemu = new QmpResponder(server, QmpResponder.GREETING, answers::get, true)) {
      ProxyRun proxy = ProxyRun.start("proxy", "--no-qemu", "--format", "json", "--listen",
          "unix:" + listen, "--connect", "unix:" + server);

      client(listen, List.of(REQUESTS.get(0), "{\"execute\": \"query-yank\", \"id\": 2}",
          "{\"execute\": \"query-status\", \"id\": 3}", REQUESTS.get(4)), true);

      assertThat(proxy.await(20_000)).isEqualTo(ExitCode.FINDINGS);
      assertThat(proxy.err()).contains("qapi4j: proxy: schema: the bundled QEMU 7.2"
          + " introspection (x86_64), until the server answers query-qmp-schema");
      // query-yank (6.0) is known; QEMU 7.2's StatusInfo requires 'singlestep'.
      assertThat(violations(proxy.out())).containsExactly("7 <- MISSING_MEMBER /return/singlestep");
    }
  }

  @Test
  void aCleanSessionInTextExitsZero() throws Exception {
    Path server = dir.resolve("qmp.sock");
    Path listen = dir.resolve("proxy.sock");
    try (QmpResponder qemu = new QmpResponder(server, QmpResponder.GREETING, ANSWERS::get, true)) {
      ProxyRun proxy = ProxyRun.start("proxy", "--listen", "unix:" + listen, "--connect",
          "unix:" + server, "--schema", SCHEMA);

      client(listen, List.of(REQUESTS.get(0), REQUESTS.get(4)), true);

      assertThat(proxy.await(20_000)).isEqualTo(ExitCode.CLEAN);
      assertThat(proxy.out()).isEqualTo("session: 5 messages (transcript, 1 session), 0 errors,"
          + " 0 warnings, 0 infos, 0 unparsed; schema: schema file " + SCHEMA + "\n"
          + "ok: 5 messages in 1 capture, 0 errors, 0 warnings, 0 infos, 0 unparsed\n");
      assertThat(listen).doesNotExist();
    }
  }

  @Test
  void aGuestAgentSessionKeepsItsSyncBytesAndItsUnsolicitedParseError() throws Exception {
    Path server = dir.resolve("qga.sock");
    Path listen = dir.resolve("proxy.sock");
    String sync = "\u00ff{\"execute\":\"guest-sync-delimited\",\"arguments\":{\"id\":42}}";
    Map<String, String> answers = Map.of(
        sync, "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, stray"
            + " '\\uFFFD'\"}}\n\u00ff{\"return\": 42}",
        "{\"execute\":\"guest-ping\",\"id\":1}", "{\"return\": {}, \"id\": 1}",
        "{\"execute\":\"guest-ping\",\"arguments\":{\"x\":1},\"id\":2}",
        "{\"id\": 2, \"error\": {\"class\": \"GenericError\", \"desc\": \"Parameter 'x' is"
            + " unexpected\"}}");
    Path record = dir.resolve("qga.log");
    try (QmpResponder agent = new QmpResponder(server, null, answers::get, true)) {
      ProxyRun proxy = ProxyRun.start("proxy", "--qga", "--format", "json", "--listen",
          "unix:" + listen, "--connect", "unix:" + server, "--record", record.toString());
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
        c.connect(UnixDomainSocketAddress.of(listen));
        for (String request : List.of(sync, "{\"execute\":\"guest-ping\",\"id\":1}",
            "{\"execute\":\"guest-ping\",\"arguments\":{\"x\":1},\"id\":2}")) {
          c.write(ByteBuffer.wrap((request + "\n").getBytes(StandardCharsets.ISO_8859_1)));
          readLine(c, received);
          if (request.equals(sync)) {
            readLine(c, received);
          }
        }
      }

      assertThat(proxy.await(20_000)).isEqualTo(ExitCode.FINDINGS);
      assertThat(received.toByteArray()).isEqualTo(agent.sent());
      assertThat(violations(proxy.out())).containsExactly("2 <- UNEXPECTED_REPLY ",
          "6 -> UNEXPECTED_MEMBER /arguments/x");
      assertThat(lastLine(proxy.out()).at("/summary/captures/0/syncBytes").asInt()).isEqualTo(2);
      byte[] transcript = Files.readAllBytes(record);
      assertThat(transcript[3]).isEqualTo((byte) 0xFF);
      CliRun again = CliRun.of("validate", "--qga", "--format", "json", record.toString());
      assertThat(JsonMapper.shared().readTree(again.out()).get("violations").size()).isEqualTo(2);
    }
  }

  @Test
  void aListenPathInTheWayIsAClearError() throws Exception {
    Path taken = Files.createFile(dir.resolve("taken.sock"));
    Path server = dir.resolve("qmp.sock");
    try (QmpResponder qemu = new QmpResponder(server, QmpResponder.GREETING, ANSWERS::get, true)) {
      CliRun run = CliRun.of("proxy", "--no-qemu", "--listen", "unix:" + taken, "--connect",
          "unix:" + server).assertNoStackTrace();

      assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
      assertThat(run.err()).contains("qapi4j: proxy: cannot listen on " + taken
          + ": the file exists (a stale socket? remove it)");
      assertThat(run.out()).isEmpty();
    }
  }

  @Test
  void aRecordThatCannotBeWrittenIsAClearError() throws Exception {
    Path server = dir.resolve("qmp.sock");
    Path record = dir.resolve("no/such/folder/session.log");
    try (QmpResponder qemu = new QmpResponder(server, QmpResponder.GREETING, ANSWERS::get, true)) {
      CliRun run = CliRun.of("proxy", "--schema", SCHEMA, "--listen",
          "unix:" + dir.resolve("p.sock"), "--connect", "unix:" + server, "--record",
          record.toString()).assertNoStackTrace();

      assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
      assertThat(run.err()).contains("qapi4j: proxy: cannot record into " + record + ": ");
      assertThat(dir.resolve("p.sock")).doesNotExist();
    }
  }

  @Test
  void aServerThatIsNotThereIsAClearError() throws Exception {
    CliRun missing = CliRun.of("proxy", "--no-qemu", "--listen", "unix:" + dir.resolve("p.sock"),
        "--connect", "unix:" + dir.resolve("nobody.sock")).assertNoStackTrace();

    assertThat(missing.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(missing.err()).contains("qapi4j: proxy: cannot connect to unix:"
        + dir.resolve("nobody.sock") + ": no such socket (is the server running?)");

    // A socket file nobody listens on any more: found out when the client comes.
    Path stale = dir.resolve("stale.sock");
    try (ServerSocketChannel gone = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      gone.bind(UnixDomainSocketAddress.of(stale));
    }
    Path listen = dir.resolve("proxy.sock");
    ProxyRun proxy = ProxyRun.start("proxy", "--no-qemu", "--format", "json", "--listen",
        "unix:" + listen, "--connect", "unix:" + stale);
    assertThat(client(listen, List.of(), true)).isEmpty();

    assertThat(proxy.await(20_000)).isEqualTo(ExitCode.ERROR);
    assertThat(proxy.err()).contains("qapi4j: proxy: connection 1: cannot connect to unix:"
        + stale);
    assertThat(lastLine(proxy.out()).get("error").asString())
        .startsWith("connection 1: cannot connect to unix:" + stale);
  }

  @Test
  void aServerThatGoesAwayEndsTheSessionEvenIfTheClientStays() throws Exception {
    Path server = dir.resolve("qmp.sock");
    Path listen = dir.resolve("proxy.sock");
    try (ServerSocketChannel qemu = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      qemu.bind(UnixDomainSocketAddress.of(server));
      ProxyRun proxy = ProxyRun.start("proxy", "--schema", SCHEMA, "--linger", "1", "--listen",
          "unix:" + listen, "--connect", "unix:" + server);
      try (SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX)) {
        client.connect(UnixDomainSocketAddress.of(listen));
        try (SocketChannel accepted = qemu.accept()) {
          accepted.write(ByteBuffer.wrap((QmpResponder.GREETING + "\r\n")
              .getBytes(StandardCharsets.UTF_8)));
        }
        long start = System.nanoTime();
        // This client neither sends nor closes: the proxy closes it after the linger time.
        int exit = proxy.await(20_000);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(exit).isEqualTo(ExitCode.CLEAN);
        assertThat(proxy.err()).contains("qapi4j: proxy: the server closed the connection");
        assertThat(proxy.out()).contains("session: 1 message (transcript, 1 session)");
      }
    }
  }

  @Test
  void aClientThatGoesAwayLeavesItsCommandUnanswered() throws Exception {
    Path server = dir.resolve("qmp.sock");
    Path listen = dir.resolve("proxy.sock");
    // This server never answers and never closes.
    try (QmpResponder qemu = new QmpResponder(server, QmpResponder.GREETING, r -> null, false)) {
      ProxyRun proxy = ProxyRun.start("proxy", "--schema", SCHEMA, "--linger", "1", "--format",
          "json", "--listen", "unix:" + listen, "--connect", "unix:" + server);
      try (SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX)) {
        client.connect(UnixDomainSocketAddress.of(listen));
        readLine(client, new ByteArrayOutputStream());
        client.write(ByteBuffer.wrap("{\"execute\": \"qmp_capabilities\", \"id\": 1}\n"
            .getBytes(StandardCharsets.UTF_8)));
      }

      assertThat(proxy.await(20_000)).isEqualTo(ExitCode.FINDINGS);
      assertThat(violations(proxy.out())).containsExactly("2 -> UNANSWERED_COMMAND ");
      assertThat(proxy.err()).contains("qapi4j: proxy: the client closed the connection");
    }
  }

  @Test
  void stoppedBeforeAClientCameItSaysSoAndExitsClean() throws Exception {
    Path server = dir.resolve("qmp.sock");
    try (QmpResponder qemu = new QmpResponder(server, QmpResponder.GREETING, ANSWERS::get, true)) {
      ProxyRun proxy = ProxyRun.start("proxy", "--schema", SCHEMA, "--format", "json",
          "--listen", "unix:" + dir.resolve("proxy.sock"), "--connect", "unix:" + server);

      assertThat(proxy.stop()).isEqualTo(ExitCode.CLEAN);
      assertThat(proxy.err()).contains("qapi4j: proxy: stopped before a client connected");
      assertThat(lastLine(proxy.out()).at("/summary/messages").asInt()).isZero();
      assertThat(dir.resolve("proxy.sock")).doesNotExist();
    }
  }

  @Test
  void usageErrors() {
    for (String[] args : List.of(
        new String[] {"proxy", "--connect", "unix:/tmp/x.sock"},
        new String[] {"proxy", "--listen", "/tmp/p.sock", "--connect", "unix:/tmp/x.sock"},
        new String[] {"proxy", "--listen", "unix:", "--connect", "unix:/tmp/x.sock"},
        new String[] {"proxy", "--listen", "unix:/tmp/p.sock", "--connect", "unix:/tmp/x.sock",
            "--schema", SCHEMA, "--introspection", SCHEMA},
        new String[] {"proxy", "--listen", "unix:/tmp/p.sock", "--connect", "unix:/tmp/x.sock",
            "--linger", "-1"})) {
      CliRun run = CliRun.of(args).assertNoStackTrace();
      assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCode.ERROR);
      assertThat(run.err()).as(String.join(" ", args)).contains("Try 'qapi4j proxy --help'");
    }
    assertThat(CliRun.of("proxy", "--listen", "/tmp/p.sock", "--connect", "unix:/tmp/x.sock")
        .err()).contains("expected unix:PATH (a Unix socket), not '/tmp/p.sock'");
  }

  @Test
  void help() {
    CliRun run = CliRun.of("proxy", "--help");

    assertThat(run.exitCode()).isEqualTo(ExitCode.CLEAN);
    assertThat(run.out()).contains("Usage: qapi4j proxy --listen=unix:PATH --connect=unix:PATH"
        + " [OPTIONS]", "--schema=SCHEMA", "--introspection=FILE", "--qemu-binary=BIN", "--qga",
        "--format=text|json", "--lenient-output", "--record=FILE", "--linger=SECONDS",
        "query-qmp-schema", "Exit codes:");
    assertThat(CliRun.of("--help").out()).contains("proxy");
  }
}
