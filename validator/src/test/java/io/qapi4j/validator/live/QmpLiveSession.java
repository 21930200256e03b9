package io.qapi4j.validator.live;

import static io.qapi4j.validator.live.TestJson.json;

import io.qapi4j.validator.ViolationCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The scripted session with a real QEMU: greeting, negotiation with {@code oob}, {@code
 * query-qmp-schema}, every argument-less {@code query-*} and {@code x-query-*} command its schema
 * lists, commands with arguments (QOM, objects, block nodes, chardevs, HMP, OOB, run state changes
 * with their events), and {@code quit} — the {@linkplain #tour tour}; the {@linkplain
 * #withMistakes full session} adds a command before negotiation, a second negotiation and the
 * deliberate mistakes. Everything is recorded by a {@link TranscriptRecorder}.
 */
final class QmpLiveSession {

  /**
   * The full session's mistakes of order, which only a session check can see (each message is
   * valid on its own); the client numbers its requests, so their ids are known.
   */
  static final List<Mistake> PROTOCOL_MISTAKES = List.of(
      new Mistake("a command before negotiation", "{\"execute\":\"query-version\",\"id\":1}",
          ViolationCode.PROTOCOL_ORDER, ""),
      new Mistake("negotiation again", "{\"execute\":\"qmp_capabilities\",\"id\":3}",
          ViolationCode.PROTOCOL_ORDER, ""));

  static final List<Mistake> MISTAKES = List.of(
      new Mistake("unknown command", "{\"execute\":\"qapi4j-no-such-command\",\"id\":\"mistake-1\"}",
          ViolationCode.UNKNOWN_COMMAND, "/execute"),
      new Mistake("missing argument",
          "{\"execute\":\"qom-list\",\"arguments\":{},\"id\":\"mistake-2\"}",
          ViolationCode.MISSING_MEMBER, "/arguments/path"),
      new Mistake("missing member of a union branch", "{\"execute\":\"object-add\",\"arguments\":"
          + "{\"qom-type\":\"memory-backend-ram\",\"id\":\"qapi4j-bad\"},\"id\":\"mistake-3\"}",
          ViolationCode.MISSING_MEMBER, "/arguments/size"),
      new Mistake("missing union discriminator",
          "{\"execute\":\"object-add\",\"arguments\":{\"id\":\"qapi4j-bad\"},\"id\":\"mistake-4\"}",
          ViolationCode.MISSING_MEMBER, "/arguments/qom-type"),
      new Mistake("wrong type", "{\"execute\":\"qom-list\",\"arguments\":{\"path\":42},\"id\":\"mistake-5\"}",
          ViolationCode.INVALID_TYPE, "/arguments/path"),
      new Mistake("unknown member",
          "{\"execute\":\"query-status\",\"arguments\":{\"verbose\":true},\"id\":\"mistake-6\"}",
          ViolationCode.UNEXPECTED_MEMBER, "/arguments/verbose"),
      new Mistake("member of another union branch", "{\"execute\":\"blockdev-add\",\"arguments\":"
          + "{\"driver\":\"null-co\",\"node-name\":\"qapi4j-bad\",\"filename\":\"/dev/null\"},\"id\":\"mistake-7\"}",
          ViolationCode.UNEXPECTED_MEMBER, "/arguments/filename"),
      new Mistake("uint32 out of range", "{\"execute\":\"block-dirty-bitmap-add\",\"arguments\":"
          + "{\"node\":\"qapi4j-no-node\",\"name\":\"bm\",\"granularity\":4294967296},\"id\":\"mistake-8\"}",
          ViolationCode.OUT_OF_RANGE, "/arguments/granularity", false),
      new Mistake("int64 out of range",
          "{\"execute\":\"balloon\",\"arguments\":{\"value\":9223372036854775808},\"id\":\"mistake-9\"}",
          ViolationCode.OUT_OF_RANGE, "/arguments/value"),
      new Mistake("1.0 for an integer",
          "{\"execute\":\"balloon\",\"arguments\":{\"value\":1.0},\"id\":\"mistake-10\"}",
          ViolationCode.INVALID_TYPE, "/arguments/value"),
      new Mistake("bad enum value", "{\"execute\":\"query-cpu-model-expansion\",\"arguments\":"
          + "{\"type\":\"qapi4j-bogus\",\"model\":{\"name\":\"qemu64\"}},\"id\":\"mistake-11\"}",
          ViolationCode.INVALID_ENUM_VALUE, "/arguments/type"),
      new Mistake("bad union discriminator", "{\"execute\":\"object-add\",\"arguments\":"
          + "{\"qom-type\":\"qapi4j-bogus\",\"id\":\"qapi4j-bad\"},\"id\":\"mistake-12\"}",
          ViolationCode.INVALID_ENUM_VALUE, "/arguments/qom-type"),
      new Mistake("no alternate branch for the value", "{\"execute\":\"blockdev-add\",\"arguments\":"
          + "{\"driver\":\"raw\",\"node-name\":\"qapi4j-bad\",\"file\":42},\"id\":\"mistake-13\"}",
          ViolationCode.NO_ALTERNATE_BRANCH, "/arguments/file"),
      new Mistake("null for an optional member",
          "{\"execute\":\"qom-list-types\",\"arguments\":{\"abstract\":null},\"id\":\"mistake-14\"}",
          ViolationCode.INVALID_TYPE, "/arguments/abstract"),
      new Mistake("arguments not an object",
          "{\"execute\":\"query-status\",\"arguments\":[],\"id\":\"mistake-15\"}",
          ViolationCode.ARGUMENTS_NOT_AN_OBJECT, "/arguments"),
      new Mistake("bad envelope member", "{\"execute\":\"query-status\",\"qapi4j\":1,\"id\":\"mistake-16\"}",
          ViolationCode.UNEXPECTED_ENVELOPE_MEMBER, "/qapi4j"),
      new Mistake("not an object", "[]", ViolationCode.NOT_AN_OBJECT, ""),
      new Mistake("no execute", "{\"arguments\":{},\"id\":\"mistake-18\"}",
          ViolationCode.MISSING_EXECUTE, "/execute"),
      new Mistake("execute not a string", "{\"execute\":42,\"id\":\"mistake-19\"}",
          ViolationCode.EXECUTE_NOT_A_STRING, "/execute"),
      new Mistake("not JSON", "{\"execute\": }", ViolationCode.JSON_PARSE_ERROR, ""),
      new Mistake("exec-oob of a command without OOB", "{\"exec-oob\":\"query-status\",\"id\":\"mistake-21\"}",
          ViolationCode.OOB_NOT_SUPPORTED, "/exec-oob"),
      new Mistake("execute and exec-oob together",
          "{\"execute\":\"query-status\",\"exec-oob\":\"query-status\",\"id\":\"mistake-22\"}",
          ViolationCode.EXECUTE_CLASH, "/execute"),
      // With two problems QEMU reports the first in its QDict order, not in text order.
      new Mistake("two bad envelope members",
          "{\"execute\":\"query-status\",\"foo\":1,\"qapi4j\":2,\"id\":\"mistake-23\"}",
          ViolationCode.UNEXPECTED_ENVELOPE_MEMBER, "/qapi4j"),
      new Mistake("bad arguments and bad execute",
          "{\"arguments\":[],\"execute\":42,\"id\":\"mistake-24\"}",
          ViolationCode.EXECUTE_NOT_A_STRING, "/execute"));

  final ServerMessage greeting;
  final JsonNode schemaInfo;
  final List<Step> steps = new ArrayList<>();
  final List<ServerMessage> events = new ArrayList<>();
  final List<ServerMessage> unsolicited = new ArrayList<>();
  final List<String> commandLine;
  final boolean mistakes;
  final int exitStatus;

  private QmpLiveSession(QemuProcess qemu, QmpClient qmp, boolean mistakes) {
    this.commandLine = qemu.commandLine();
    this.mistakes = mistakes;
    this.greeting = qmp.greeting();
    if (mistakes) {
      step(qmp.execute("query-version"));                   // before negotiation: refused
    }
    step(qmp.negotiate("oob"));
    if (mistakes) {
      step(qmp.execute("qmp_capabilities"));                // again: refused
    }
    Reply schema = qmp.execute("query-qmp-schema");
    step(schema);
    this.schemaInfo = schema.result();
    for (String query : argumentlessQueries(schemaInfo)) {
      step(qmp.execute(query));
    }
    withArguments(qmp);
    for (Mistake m : mistakes ? MISTAKES : List.<Mistake>of()) {
      steps.add(new Step(qmp.send(m.request()), m));
      events.addAll(qmp.takeEvents());
    }
    step(qmp.execute("quit"));
    expectEvent(qmp, "SHUTDOWN");
    unsolicited.addAll(qmp.unsolicited());
    qemu.awaitExit(Duration.ofSeconds(10));
    this.exitStatus = qemu.isAlive() ? -1 : qemu.exitStatus();
  }

  /** Runs the tour against {@code binary}, recording it into {@code transcript}. */
  static QmpLiveSession tour(Path binary, Path transcript) {
    return run(binary, transcript, false);
  }

  /** Runs the full session, mistakes included, recording it into {@code transcript}. */
  static QmpLiveSession withMistakes(Path binary, Path transcript) {
    return run(binary, transcript, true);
  }

  private static QmpLiveSession run(Path binary, Path transcript, boolean mistakes) {
    try (TranscriptRecorder recorder = TranscriptRecorder.open(transcript);
         QemuProcess qemu = QemuProcess.builder().binary(binary.toString()).start();
         QmpClient qmp = qemu.connect(ClientOptions.defaults().withTap(recorder))) {
      return new QmpLiveSession(qemu, qmp, mistakes);
    }
  }

  private void withArguments(QmpClient qmp) {
    call(qmp, "qom-list", "{\"path\":\"/machine\"}");
    call(qmp, "qom-list", "{\"path\":\"/objects\"}");
    call(qmp, "qom-get", "{\"path\":\"/machine\",\"property\":\"type\"}");
    call(qmp, "qom-get", "{\"path\":\"/qapi4j/no/such/path\",\"property\":\"type\"}");
    call(qmp, "qom-list-types", "{}");
    call(qmp, "qom-list-types", "{\"implements\":\"memory-backend\",\"abstract\":true}");
    call(qmp, "qom-list-properties", "{\"typename\":\"memory-backend-ram\"}");
    call(qmp, "device-list-properties", "{\"typename\":\"virtio-rng-pci\"}");
    call(qmp, "device-list-properties", "{\"typename\":\"qapi4j-no-such-device\"}");
    call(qmp, "query-command-line-options", "{\"option\":\"machine\"}");
    call(qmp, "query-cpu-model-expansion", "{\"type\":\"static\",\"model\":{\"name\":\"qemu64\"}}");
    // Objects: created, inspected, deleted.
    call(qmp, "object-add", "{\"qom-type\":\"memory-backend-ram\",\"id\":\"qapi4j-mem0\",\"size\":1048576}");
    call(qmp, "qom-get", "{\"path\":\"/objects/qapi4j-mem0\",\"property\":\"size\"}");
    call(qmp, "query-memdev", null);
    call(qmp, "object-del", "{\"id\":\"qapi4j-mem0\"}");
    call(qmp, "object-add", "{\"qom-type\":\"iothread\",\"id\":\"qapi4j-io0\"}");
    call(qmp, "query-iothreads", null);
    call(qmp, "object-del", "{\"id\":\"qapi4j-io0\"}");
    call(qmp, "object-add", "{\"qom-type\":\"secret\",\"id\":\"qapi4j-sec0\",\"data\":\"cWFwaTRq\",\"format\":\"base64\"}");
    call(qmp, "object-del", "{\"id\":\"qapi4j-sec0\"}");
    // A block node with the null-co driver, and a dirty bitmap on it.
    call(qmp, "blockdev-add", "{\"driver\":\"null-co\",\"node-name\":\"qapi4j-null0\",\"size\":1048576,\"read-zeroes\":true}");
    call(qmp, "block-dirty-bitmap-add", "{\"node\":\"qapi4j-null0\",\"name\":\"bm0\",\"granularity\":65536}");
    call(qmp, "query-named-block-nodes", "{\"flat\":true}");
    call(qmp, "block-dirty-bitmap-remove", "{\"node\":\"qapi4j-null0\",\"name\":\"bm0\"}");
    call(qmp, "blockdev-del", "{\"node-name\":\"qapi4j-null0\"}");
    call(qmp, "blockdev-del", "{\"node-name\":\"qapi4j-null0\"}");
    // A ring buffer character device.
    call(qmp, "chardev-add", "{\"id\":\"qapi4j-ring0\",\"backend\":{\"type\":\"ringbuf\",\"data\":{\"size\":4096}}}");
    call(qmp, "ringbuf-write", "{\"device\":\"qapi4j-ring0\",\"data\":\"hello qapi4j\"}");
    call(qmp, "ringbuf-read", "{\"device\":\"qapi4j-ring0\",\"size\":64}");
    call(qmp, "chardev-remove", "{\"id\":\"qapi4j-ring0\"}");
    // The human monitor.
    call(qmp, "human-monitor-command", "{\"command-line\":\"info version\"}");
    call(qmp, "human-monitor-command", "{\"command-line\":\"info status\"}");
    // Run state changes and their events.
    call(qmp, "stop", null);
    expectEvent(qmp, "STOP");
    call(qmp, "query-status", null);
    call(qmp, "cont", null);
    expectEvent(qmp, "RESUME");
    call(qmp, "system_reset", null);
    expectEvent(qmp, "RESET");
    call(qmp, "system_powerdown", null);
    expectEvent(qmp, "POWERDOWN");
    call(qmp, "balloon", "{\"value\":1048576}");
    // Out of band (the oob capability is on): the commands of QEMU 7.2 that allow it.
    steps.add(new Step(qmp.executeOob("query-yank", null), null));
    steps.add(new Step(qmp.executeOob("yank", json("{\"instances\":[]}")), null));
    steps.add(new Step(qmp.executeOob("migrate-pause", null), null));
  }

  private void call(QmpClient qmp, String command, @Nullable String arguments) {
    step(qmp.execute(command, arguments == null ? null : json(arguments)));
    events.addAll(qmp.takeEvents());
  }

  private void step(Reply reply) {
    steps.add(new Step(reply, null));
  }

  private void expectEvent(QmpClient qmp, String name) {
    events.addAll(qmp.takeEvents());
    if (events.stream().noneMatch(e -> name.equals(e.eventName()))) {
      events.add(qmp.awaitEvent(name));
    }
  }

  /** The commands named {@code query-*} or {@code x-query-*} whose arguments are empty. */
  static List<String> argumentlessQueries(JsonNode schemaInfo) {
    Map<String, JsonNode> byName = new HashMap<>();
    schemaInfo.forEach(e -> byName.put(e.get("name").asString(), e));
    List<String> names = new ArrayList<>();
    for (JsonNode e : schemaInfo) {
      String name = e.get("name").asString();
      if (!e.get("meta-type").asString().equals("command")
          || !(name.startsWith("query-") || name.startsWith("x-query-"))
          || name.equals("query-qmp-schema")) {
        continue;
      }
      JsonNode args = byName.get(e.get("arg-type").asString());
      if (args != null && args.get("members").isEmpty() && !args.has("variants")) {
        names.add(name);
      }
    }
    return names;
  }

  /** Every request sent, in order. */
  List<String> requests() {
    return steps.stream().map(s -> s.reply().request()).toList();
  }
}
