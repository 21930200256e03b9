package io.qapi4j.validator.live;

import static io.qapi4j.validator.live.TestJson.json;

import io.qapi4j.validator.ViolationCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The scripted session with a real qemu-ga, which runs <b>on this host</b>: {@code
 * guest-sync-delimited} with its 0xFF sentinel, read-only queries, file commands on a file in a
 * temporary folder of its own, one blocked RPC called with arguments that would change nothing
 * anyway (and only after {@code guest-info} shows it disabled), and deliberate mistakes. Every
 * byte is recorded by a {@link RawStreamRecorder}. Nothing here changes the host: every RPC that
 * could is blocked by {@link GuestAgentProcess}.
 */
final class QgaLiveSession {

  /** What the file commands write into their temporary file. */
  static final String FILE_TEXT = "hello qapi4j\n";

  /** The blocked RPC called to see the refusal: with no CPUs listed it would change nothing. */
  static final String BLOCKED_CALL = "guest-set-vcpus";

  static final List<Mistake> MISTAKES = List.of(
      new Mistake("unknown command", "{\"execute\":\"guest-qapi4j-no-such-command\",\"id\":\"mistake-1\"}",
          ViolationCode.UNKNOWN_COMMAND, "/execute"),
      new Mistake("missing argument", "{\"execute\":\"guest-sync\",\"arguments\":{},\"id\":\"mistake-2\"}",
          ViolationCode.MISSING_MEMBER, "/arguments/id"),
      new Mistake("wrong type", "{\"execute\":\"guest-sync\",\"arguments\":{\"id\":\"x\"},\"id\":\"mistake-3\"}",
          ViolationCode.INVALID_TYPE, "/arguments/id"),
      new Mistake("unknown member",
          "{\"execute\":\"guest-ping\",\"arguments\":{\"qapi4j\":1},\"id\":\"mistake-4\"}",
          ViolationCode.UNEXPECTED_MEMBER, "/arguments/qapi4j"),
      new Mistake("int64 out of range",
          "{\"execute\":\"guest-sync\",\"arguments\":{\"id\":9223372036854775808},\"id\":\"mistake-5\"}",
          ViolationCode.OUT_OF_RANGE, "/arguments/id"),
      new Mistake("1.0 for an integer",
          "{\"execute\":\"guest-sync\",\"arguments\":{\"id\":1.0},\"id\":\"mistake-6\"}",
          ViolationCode.INVALID_TYPE, "/arguments/id"),
      new Mistake("bad enum value", "{\"execute\":\"guest-file-seek\",\"arguments\":"
          + "{\"handle\":1,\"offset\":0,\"whence\":\"qapi4j-bogus\"},\"id\":\"mistake-7\"}",
          ViolationCode.INVALID_ENUM_VALUE, "/arguments/whence"),
      new Mistake("no alternate branch for the value", "{\"execute\":\"guest-file-seek\",\"arguments\":"
          + "{\"handle\":1,\"offset\":0,\"whence\":true},\"id\":\"mistake-8\"}",
          ViolationCode.NO_ALTERNATE_BRANCH, "/arguments/whence"),
      new Mistake("null for a member", "{\"execute\":\"guest-file-read\",\"arguments\":"
          + "{\"handle\":1,\"count\":null},\"id\":\"mistake-9\"}",
          ViolationCode.INVALID_TYPE, "/arguments/count"),
      new Mistake("arguments not an object",
          "{\"execute\":\"guest-ping\",\"arguments\":[],\"id\":\"mistake-10\"}",
          ViolationCode.ARGUMENTS_NOT_AN_OBJECT, "/arguments"),
      new Mistake("bad envelope member", "{\"execute\":\"guest-ping\",\"qapi4j\":1,\"id\":\"mistake-11\"}",
          ViolationCode.UNEXPECTED_ENVELOPE_MEMBER, "/qapi4j"),
      new Mistake("exec-oob, which QGA does not know", "{\"exec-oob\":\"guest-ping\",\"id\":\"mistake-12\"}",
          ViolationCode.UNEXPECTED_ENVELOPE_MEMBER, "/exec-oob"),
      new Mistake("not an object", "[]", ViolationCode.NOT_AN_OBJECT, ""),
      new Mistake("no execute", "{\"arguments\":{},\"id\":\"mistake-14\"}",
          ViolationCode.MISSING_EXECUTE, "/execute"),
      new Mistake("execute not a string", "{\"execute\":42,\"id\":\"mistake-15\"}",
          ViolationCode.EXECUTE_NOT_A_STRING, "/execute"),
      new Mistake("not JSON", "{\"execute\": }", ViolationCode.JSON_PARSE_ERROR, ""));

  final Reply sync;
  final List<Step> steps = new ArrayList<>();
  final List<ServerMessage> unsolicited;
  final List<String> commandLine;
  final String fileContentAfterwards;

  private QgaLiveSession(GuestAgentProcess agent, QgaClient qga, Path scratch) throws IOException {
    this.commandLine = agent.commandLine();
    this.sync = qga.sync();
    steps.add(new Step(sync, null));
    call(qga, "guest-sync", "{\"id\":424242}");
    call(qga, "guest-ping", null);
    Reply info = call(qga, "guest-info", null);
    for (String query : List.of("guest-get-time", "guest-get-timezone", "guest-get-osinfo",
        "guest-get-host-name", "guest-get-users", "guest-network-get-interfaces",
        "guest-get-fsinfo", "guest-get-disks", "guest-get-vcpus", "guest-get-memory-blocks",
        "guest-get-memory-block-info", "guest-get-cpustats", "guest-get-diskstats",
        "guest-get-devices", "guest-fsfreeze-status")) {
      call(qga, query, null);
    }
    call(qga, "guest-ssh-get-authorized-keys", "{\"username\":\"qapi4j-no-such-user\"}");
    call(qga, "guest-exec-status", "{\"pid\":0}");
    fileCommands(qga, scratch);
    if (disabled(info, BLOCKED_CALL)) {
      call(qga, BLOCKED_CALL, "{\"vcpus\":[]}");
    }
    for (Mistake m : MISTAKES) {
      steps.add(new Step(qga.send(m.request()), m));
    }
    this.unsolicited = qga.unsolicited();
    this.fileContentAfterwards = Files.readString(scratch.resolve("file.txt"), StandardCharsets.UTF_8);
  }

  /** Runs the session against {@code binary}, recording every byte into {@code raw}. */
  static QgaLiveSession run(Path binary, Path raw) {
    Path scratch = ChildProcess.newDirectory("qapi4j-qga-files-");
    try (RawStreamRecorder recorder = RawStreamRecorder.open(raw);
         GuestAgentProcess agent = GuestAgentProcess.builder().binary(binary.toString()).start();
         QgaClient qga = agent.connect(ClientOptions.defaults().withTap(recorder))) {
      return new QgaLiveSession(agent, qga, scratch);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      ChildProcess.deleteTree(scratch);
    }
  }

  /** Open, write, flush, seek, read, seek by number, close; then a read of the closed handle. */
  private void fileCommands(QgaClient qga, Path scratch) {
    String path = scratch.resolve("file.txt").toString();
    call(qga, "guest-file-open", "{\"path\":\"" + scratch.resolve("no-such-dir/x") + "\",\"mode\":\"r\"}");
    long handle = call(qga, "guest-file-open", "{\"path\":\"" + path + "\",\"mode\":\"w+\"}")
        .result().longValue();
    String b64 = Base64.getEncoder().encodeToString(FILE_TEXT.getBytes(StandardCharsets.UTF_8));
    call(qga, "guest-file-write", "{\"handle\":" + handle + ",\"buf-b64\":\"" + b64 + "\"}");
    call(qga, "guest-file-flush", "{\"handle\":" + handle + "}");
    call(qga, "guest-file-seek", "{\"handle\":" + handle + ",\"offset\":0,\"whence\":\"set\"}");
    call(qga, "guest-file-read", "{\"handle\":" + handle + ",\"count\":64}");
    call(qga, "guest-file-seek", "{\"handle\":" + handle + ",\"offset\":0,\"whence\":2}");
    call(qga, "guest-file-close", "{\"handle\":" + handle + "}");
    call(qga, "guest-file-read", "{\"handle\":" + handle + ",\"count\":1}");
  }

  private Reply call(QgaClient qga, String command, @Nullable String arguments) {
    Reply reply = qga.execute(command, arguments == null ? null : json(arguments));
    steps.add(new Step(reply, null));
    return reply;
  }

  /** Whether {@code guest-info} lists {@code command} as disabled. */
  static boolean disabled(Reply info, String command) {
    for (JsonNode c : info.result().get("supported_commands")) {
      if (c.get("name").asString().equals(command)) {
        return !c.get("enabled").asBoolean();
      }
    }
    return false;
  }

  /** Every request sent, in order. */
  List<String> requests() {
    return steps.stream().map(s -> s.reply().request()).toList();
  }
}
