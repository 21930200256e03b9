package io.qapi4j.validator.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.model.read.SchemaReader;
import io.qapi4j.testing.SharedData;
import io.qapi4j.validator.QmpValidator;
import io.qapi4j.validator.ValidationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * A session with the real qemu-ga 7.2 ({@link QgaLiveSession}), recorded byte for byte, and every
 * message validated against the v7.2.0 release's guest agent schema, one by one and end to end
 * (the raw stream as {@code qapi4j validate --qga} reads it).
 */
class QgaLiveSessionTest {

  private static QgaLiveSession session;
  private static Path raw;
  private static @Nullable QmpValidator release;

  @BeforeAll
  static void runSession() {
    Path agent = LiveBinaries.guestAgent();
    raw = CaptureFiles.recording(CaptureFiles.QGA);
    session = QgaLiveSession.run(agent, raw);
  }

  private static QmpValidator release() {
    if (release == null) {
      release = QmpValidator.forQga(SchemaReader.compat()
          .read(SharedData.shared("qemu-qapi/releases/v7.2.0/qga/qapi-schema.json")).orElseThrow());
    }
    return release;
  }

  @Test
  void syncSkipsTheAgentsAnswerToTheSentinelAndFindsItsId() {
    JsonNode sent = TestJson.json(session.sync.request()).get("arguments").get("id");

    assertThat(session.sync.message().afterSentinel()).isTrue();
    assertThat(session.sync.result().longValue()).isEqualTo(sent.longValue());
    assertThat(session.unsolicited).extracting(ServerMessage::text).containsExactly(
        "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, stray '\\uFFFD'\"}}");
  }

  @Test
  void theSessionRunsMoreThanTwentyCommands() {
    assertThat(session.steps.stream().filter(s -> s.mistake() == null)).hasSizeGreaterThanOrEqualTo(20);
    assertThat(session.steps).hasSizeGreaterThanOrEqualTo(20 + QgaLiveSession.MISTAKES.size());
    assertThat(session.commandLine).contains("-m", "unix-listen", "-b");
  }

  @Test
  void theAgentsRepliesKeepToTheReleaseSchema() {
    List<String> out = new ArrayList<>();
    for (Step s : session.steps) {
      check(s.reply().message().text(), s.reply().command(), out);
    }
    for (ServerMessage m : session.unsolicited) {
      check(m.text(), null, out);
    }
    assertThat(out).isEmpty();
  }

  private static void check(String text, @Nullable String inReplyTo, List<String> out) {
    ValidationResult r = release().validate(text, inReplyTo);
    if (!r.violations().isEmpty()) {
      out.add(text + " (reply to " + inReplyTo + "): " + r.violations());
    }
  }

  @Test
  void everyCommandNotBrokenOnPurposeIsValid() {
    assertThat(session.steps.stream().filter(s -> s.mistake() == null)
        .map(s -> s.reply().request() + " " + release().validate(s.reply().request()).violations())
        .filter(line -> !line.endsWith(" []"))).isEmpty();
  }

  @Test
  void endToEndTheRawStreamShowsExactlyItsMistakes() {
    EndToEnd.assertExactlyTheMistakes(raw, EndToEnd.findings(raw, release()),
        QgaLiveSession.MISTAKES, m -> true);
  }

  @TestFactory
  Stream<DynamicTest> everyDeliberateMistakeIsFlaggedWithItsCodeAndPointer() {
    return mistakes().map(s -> DynamicTest.dynamicTest(s.mistake().what(), () -> {
      Mistake m = s.mistake();
      assertThat(s.reply().isError()).as("qemu-ga refuses %s", m.request()).isTrue();
      MistakeChecks.assertFlagged(release(), m);
    }));
  }

  /** As with QEMU: the agent's words, except for JSON syntax errors (see the README). */
  @Test
  void ourMessagesAreTheAgentsWords() {
    Map<String, String> differ = MistakeChecks.wordingDifferences(mistakes(), release(), "qemu-ga");

    assertThat(differ).containsOnlyKeys("not JSON");
    assertThat(differ.get("not JSON")).startsWith(
        "qemu-ga: JSON parse error, expecting value | ours: JSON parse error, Unexpected character ('}'");
  }

  @Test
  void everyHostChangingRpcIsBlockedAndRefused() {
    Reply info = session.steps.stream().map(Step::reply)
        .filter(r -> "guest-info".equals(r.command())).findFirst().orElseThrow();
    List<String> known = new ArrayList<>();
    info.result().get("supported_commands").forEach(c -> known.add(c.get("name").asString()));

    assertThat(known).containsAll(GuestAgentProcess.HOST_CHANGING_RPCS);
    for (String rpc : GuestAgentProcess.HOST_CHANGING_RPCS) {
      assertThat(QgaLiveSession.disabled(info, rpc)).as(rpc).isTrue();
    }
    Reply refused = session.steps.stream().map(Step::reply)
        .filter(r -> QgaLiveSession.BLOCKED_CALL.equals(r.command())).findFirst().orElseThrow();
    assertThat(refused.errorClass()).isEqualTo("CommandNotFound");
    assertThat(refused.errorDescription()).isEqualTo("Command guest-set-vcpus has been disabled");
  }

  @Test
  void fileCommandsWorkOnTheTemporaryFile() {
    Reply read = session.steps.stream().map(Step::reply)
        .filter(r -> "guest-file-read".equals(r.command()) && !r.isError()).findFirst().orElseThrow();

    assertThat(session.fileContentAfterwards).isEqualTo(QgaLiveSession.FILE_TEXT);
    assertThat(new String(Base64.getDecoder().decode(read.result().get("buf-b64").asString()),
        StandardCharsets.UTF_8)).isEqualTo(QgaLiveSession.FILE_TEXT);
    assertThat(read.result().get("eof").asBoolean()).isTrue();
  }

  /**
   * The raw stream holds every message of both directions in wire order, each on its line, and
   * exactly two 0xFF bytes: the one the client sent before {@code guest-sync-delimited}, and the
   * agent's before its reply.
   */
  @Test
  void theRawStreamHoldsEveryByteWithItsSentinels() throws IOException {
    byte[] bytes = Files.readAllBytes(raw);
    List<LineFramer.Frame> frames = new ArrayList<>();
    LineFramer framer = new LineFramer();
    framer.feed(bytes, 0, bytes.length, frames::add);
    framer.finish(frames::add);

    List<String> expected = new ArrayList<>();
    expected.add(session.sync.request());
    session.unsolicited.forEach(m -> expected.add(m.text()));
    expected.add(session.sync.message().text());
    for (Step s : session.steps.subList(1, session.steps.size())) {
      expected.add(s.reply().request());
      expected.add(s.reply().message().text());
    }
    assertThat(frames).extracting(f -> new String(f.bytes(), StandardCharsets.UTF_8))
        .containsExactlyElementsOf(expected);
    assertThat(frames).extracting(LineFramer.Frame::problem).containsOnlyNulls();
    List<Integer> sentinels = new ArrayList<>();
    for (int i = 0; i < frames.size(); i++) {
      if (frames.get(i).afterSentinel()) {
        sentinels.add(i);
      }
    }
    assertThat(sentinels).containsExactly(0, 2);
    long ffBytes = 0;
    for (byte b : bytes) {
      ffBytes += b == (byte) 0xFF ? 1 : 0;
    }
    assertThat(ffBytes).isEqualTo(2);
    assertThat(bytes[0]).isEqualTo((byte) 0xFF);
  }

  /**
   * What qemu-ga 7.2 gets wrong: it looks a user up with {@code getpwnam()}, which sets no errno
   * when the user does not exist, and then appends the text of errno 0 — "Success" — to its error.
   */
  @Test
  void qemuGaReportsAnUnknownUserWithTheTextOfErrnoZero() {
    Reply keys = session.steps.stream().map(Step::reply)
        .filter(r -> "guest-ssh-get-authorized-keys".equals(r.command())).findFirst().orElseThrow();

    assertThat(keys.errorDescription())
        .isEqualTo("failed to lookup user 'qapi4j-no-such-user': Success");
    assertThat(release().validate(keys.message().text(), keys.command()).violations()).isEmpty();
  }

  private static Stream<Step> mistakes() {
    return session.steps.stream().filter(s -> s.mistake() != null);
  }
}
