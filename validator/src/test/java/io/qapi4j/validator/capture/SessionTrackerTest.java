package io.qapi4j.validator.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.model.Schema;
import io.qapi4j.model.read.SchemaReader;
import io.qapi4j.testing.SharedData;
import io.qapi4j.validator.Direction;
import io.qapi4j.validator.Protocol;
import io.qapi4j.validator.QmpValidator;
import io.qapi4j.validator.Severity;
import io.qapi4j.validator.ViolationCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The session rules, one by one. */
class SessionTrackerTest {

  static final Schema SCHEMA = SchemaReader.compat()
      .read(SharedData.testdata("captures/session-schema.json")).orElseThrow();

  static final Schema QGA = SchemaReader.compat()
      .read(SharedData.testdata("seeds/004-qga-qapi-schema.json")).orElseThrow();

  /** A finding as {@code LINE CODE severity name}. */
  static List<String> findings(Schema schema, Protocol protocol, byte[] capture) {
    List<String> out = new ArrayList<>();
    CaptureValidator validator = CaptureValidator.of(
        QmpValidator.builder(schema).protocol(protocol).build());
    try (CaptureReader reader = CaptureReader.of(new ByteArrayInputStream(capture), "t")) {
      validator.validate(reader, CaptureListener.of(
          f -> out.add(f.message().line() + " " + f.violation().code() + " "
              + f.violation().severity().name().toLowerCase(java.util.Locale.ROOT) + " "
              + f.message().name()),
          u -> out.add(u.line() + " UNPARSED")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static List<String> findings(String capture) {
    return findings(SCHEMA, Protocol.QMP, capture.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void repliesAnswerTheCommandWithTheirIdAndAreCheckedAgainstIt() {
    assertThat(findings("""
        {"execute": "query-status", "id": "a"}
        {"execute": "query-version", "id": "b"}
        {"return": {"qemu": {"major": 1, "minor": 2, "micro": 3}, "package": ""}, "id": "b"}
        {"return": {"running": true, "status": "sleeping"}, "id": "a"}
        """)).containsExactly("4 INVALID_ENUM_VALUE error query-status");
  }

  @Test
  void repliesWithoutIdAnswerInOrder() {
    assertThat(findings("""
        {"execute": "query-status"}
        {"execute": "query-version"}
        {"return": {"running": true, "status": "running"}}
        {"return": {"running": true, "status": "running"}}
        """)).containsExactly("4 MISSING_MEMBER error query-version",
            "4 MISSING_MEMBER error query-version", "4 UNEXPECTED_MEMBER error query-version",
            "4 UNEXPECTED_MEMBER error query-version");
  }

  @Test
  void anOutOfBandReplyMayOvertake() {
    assertThat(findings("""
        {"execute": "query-status", "id": 1}
        {"exec-oob": "ping-oob", "id": 2}
        {"return": {}, "id": 2}
        {"return": {"running": false, "status": "paused"}, "id": 1}
        """)).isEmpty();
  }

  @Test
  void aCommandWithoutSuccessResponseExpectsNoReplyButMayGetAnError() {
    assertThat(findings("""
        {"execute": "power-off"}
        {"execute": "query-status"}
        {"return": {"running": true, "status": "running"}}
        {"execute": "power-off"}
        {"error": {"class": "GenericError", "desc": "no"}}
        {"execute": "power-off"}
        """)).isEmpty();
    assertThat(findings("""
        {"execute": "power-off", "id": 7}
        {"return": {}, "id": 7}
        """)).containsExactly("2 REPLY_NOT_EXPECTED error power-off");
  }

  @Test
  void beforeNegotiationOnlyQmpCapabilitiesIsAccepted() {
    assertThat(findings("""
        {"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": ""}, "capabilities": []}}
        {"event": "STOP", "timestamp": {"seconds": 1, "microseconds": 2}}
        {"execute": "query-status"}
        {"error": {"class": "CommandNotFound", "desc": "Expecting capabilities negotiation with 'qmp_capabilities'"}}
        {"execute": "qmp_capabilities"}
        {"return": {}}
        {"execute": "query-status"}
        {"return": {"running": true, "status": "running"}}
        """)).containsExactly("3 PROTOCOL_ORDER error query-status");
  }

  @Test
  void withoutAGreetingNoOrderIsChecked() {
    assertThat(findings("""
        {"execute": "query-status"}
        {"return": {"running": true, "status": "running"}}
        """)).isEmpty();
  }

  @Test
  void aCommandLeftWaitingIsUnansweredWhenItsSessionOrTheCaptureEnds() {
    assertThat(findings("""
        {"execute": "query-status", "id": 1}
        {"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": ""}, "capabilities": []}}
        {"execute": "qmp_capabilities"}
        {"return": {}}
        {"execute": "query-version", "id": 2}
        {"execute": "quit", "id": 3}
        """)).containsExactly("1 UNANSWERED_COMMAND error query-status",
            "5 UNANSWERED_COMMAND error query-version", "6 UNANSWERED_COMMAND info quit");
  }

  @Test
  void aReplyToNothingIsUnexpectedOnceTheCaptureHasShownCommands() {
    List<String> found = findings("""
        {"return": {}}
        {"execute": "query-status", "id": 1}
        {"return": {"running": true, "status": "running"}, "id": 1}
        {"return": {}, "id": 1}
        {"error": {"class": "GenericError", "desc": "boom"}}
        """);

    assertThat(found).containsExactly("4 UNEXPECTED_REPLY error null",
        "5 UNEXPECTED_REPLY error null");
  }

  @Test
  void anUnsolicitedParseErrorReplyIsNormalTraffic() {
    byte[] qga = Captures.withSyncBytes("""
        ÿ{"execute": "guest-sync-delimited", "arguments": {"id": 42}}
        {"error": {"class": "GenericError", "desc": "JSON parse error, stray '\\uFFFD'"}}
        ÿ{"return": 42}
        {"execute": "guest-shutdown"}
        {"execute": "guest-ping"}
        {"return": {}}
        """);

    assertThat(findings(QGA, Protocol.QGA, qga))
        .containsExactly("2 UNEXPECTED_REPLY info null");
  }

  @Test
  void severalConversationsWithoutGreetingsRestartAtQmpCapabilities() {
    String conversation = """
        {"execute": "qmp_capabilities", "id": "libvirt-1"}
        {"return": {}, "id": "libvirt-1"}
        {"execute": "query-status", "id": "libvirt-2"}
        {"return": {"running": true, "status": "running"}, "id": "libvirt-2"}
        """;
    List<String> found = new ArrayList<>();
    CaptureSummary summary = summary(conversation + conversation + """
        {"execute": "query-version", "id": "libvirt-3"}
        {"execute": "qmp_capabilities", "id": "libvirt-1"}
        {"return": {}, "id": "libvirt-1"}
        """, found);

    assertThat(summary.sessions()).isEqualTo(3);
    assertThat(found).containsExactly("9 UNANSWERED_COMMAND error query-version");
  }

  private static final String GREETING = "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 0,"
      + " \"minor\": 2, \"major\": 7}, \"package\": \"\"}, \"capabilities\": []}}\n";

  @Test
  void aRefusedQmpCapabilitiesAfterNegotiationStartsNothingAndIsFlaggedWhenItsReplyComes() {
    List<String> found = new ArrayList<>();
    CaptureSummary summary = summary(GREETING + """
        {"execute": "qmp_capabilities", "id": 1}
        {"return": {}, "id": 1}
        {"execute": "query-status", "id": 2}
        {"execute": "qmp_capabilities", "id": 3}
        {"return": {"running": true, "status": "running"}, "id": 2}
        {"error": {"class": "CommandNotFound", "desc": "Capabilities negotiation is already complete, command ignored"}, "id": 3}
        {"execute": "query-status", "id": 4}
        {"return": {"running": true, "status": "running"}, "id": 4}
        """, found);

    // The finding is about the qmp_capabilities of line 5; query-status waits across it.
    assertThat(found).containsExactly("5 PROTOCOL_ORDER error qmp_capabilities");
    assertThat(summary.sessions()).isEqualTo(1);
  }

  @Test
  void aSuccessfulQmpCapabilitiesAfterNegotiationStartsANewSessionWhenItsReplyComes() {
    List<String> found = new ArrayList<>();
    CaptureSummary summary = summary("""
        {"execute": "qmp_capabilities", "id": 1}
        {"return": {}, "id": 1}
        {"execute": "query-version", "id": 2}
        {"execute": "qmp_capabilities", "id": 1}
        {"execute": "query-status", "id": 2}
        {"return": {}, "id": 1}
        {"return": {"running": true, "status": "running"}, "id": 2}
        """, found);

    // query-version belongs to the first conversation; query-status, sent before the new
    // conversation's qmp_capabilities was answered, to the second.
    assertThat(found).containsExactly("3 UNANSWERED_COMMAND error query-version");
    assertThat(summary.sessions()).isEqualTo(2);
  }

  @Test
  void everyValueAClientSendsIsARequestAndItsErrorReplyAnswersIt() {
    assertThat(findings("""
        -> {"execute": "qmp_capabilities", "id": 1}
        <- {"return": {}, "id": 1}
        -> [1, 2]
        <- {"error": {"class": "GenericError", "desc": "QMP input must be a JSON object"}}
        -> {"arguments": {}, "id": "x"}
        <- {"error": {"class": "GenericError", "desc": "QMP input lacks member 'execute'"}, "id": "x"}
        -> {"execute": 42, "id": "y"}
        <- {"error": {"class": "GenericError", "desc": "QMP input member 'execute' must be a string"}, "id": "y"}
        -> {"return": {}}
        """)).containsExactly("3 NOT_AN_OBJECT error null", "5 MISSING_EXECUTE error null",
            "7 EXECUTE_NOT_A_STRING error null", "9 UNEXPECTED_ENVELOPE_MEMBER error null",
            "9 MISSING_EXECUTE error null", "9 UNANSWERED_COMMAND error null");
  }

  @Test
  void withoutArrowsWhatOnlyAClientSendsIsTheClients() {
    List<CapturedMessage> messages = Captures.read("""
        []
        {"arguments": {}, "id": "x"}
        {}
        {"foo": 1}
        """).messages();

    assertThat(messages).extracting(CapturedMessage::direction).containsExactly(
        Direction.CLIENT, Direction.CLIENT, Direction.CLIENT, Direction.UNKNOWN);
    assertThat(findings("""
        {"execute": "query-status"}
        []
        {"return": {"running": true, "status": "running"}}
        {"error": {"class": "GenericError", "desc": "QMP input must be a JSON object"}}
        """)).containsExactly("2 NOT_AN_OBJECT error null");
  }

  @Test
  void aMalformedRequestBeforeNegotiationIsRefusedForWhatItIsNotForItsOrder() {
    assertThat(findings(GREETING + """
        {"arguments": {}, "id": 1}
        {"error": {"class": "GenericError", "desc": "QMP input lacks member 'execute'"}, "id": 1}
        """)).containsExactly("2 MISSING_EXECUTE error null");
  }

  @Test
  void aLogThatLeavesTrafficOutGivesWarnings() {
    assertThat(findings("""
        Launching VM...
        {"execute": "query-status"}
        {"return": {"running": true, "status": "running"}}
        {"return": {}}
        {"execute": "query-version"}
        """)).containsExactly("4 UNEXPECTED_REPLY warning null",
            "5 UNANSWERED_COMMAND warning query-version");
  }

  @Test
  void repliesBeforeAnyCommandAreCountedNotFlagged() {
    List<String> found = new ArrayList<>();
    CaptureSummary summary = summary("""
        {"return": {}}
        {"return": {"running": true, "status": "running"}}
        """, found);

    assertThat(found).isEmpty();
    assertThat(summary.uncorrelatedReplies()).isEqualTo(2);
  }

  @Test
  void waitingCommandsAreCapped() {
    StringBuilder capture = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      capture.append("{\"execute\": \"query-status\", \"id\": ").append(i).append("}\n");
    }
    capture.append("{\"return\": {\"running\": true, \"status\": \"running\"}, \"id\": 9}\n");
    List<String> found = new ArrayList<>();
    CaptureValidator validator = CaptureValidator.of(QmpValidator.of(SCHEMA)).withMaxPending(4);
    try (CaptureReader reader = CaptureReader.of(new ByteArrayInputStream(
        capture.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)), "t")) {
      validator.validate(reader, CaptureListener.of(
          f -> found.add(f.message().line() + " " + f.violation().message()), u -> { }));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }

    assertThat(found).hasSize(9);
    assertThat(found.get(0)).isEqualTo("1 The command query-status with id 0 got no reply while 4"
        + " later commands were sent");
    assertThat(found.get(8)).startsWith("9 ").endsWith("before the end of the capture");
  }

  @Test
  void aTrackerCanBeDrivenByHand() {
    SessionTracker tracker = new SessionTracker(Protocol.QMP, SCHEMA);
    List<CapturedMessage> messages = Captures.read("""
        {"execute": "query-status", "id": 1}
        {"return": {"running": true, "status": "running"}, "id": 1}
        """).messages();

    assertThat(tracker.accept(messages.get(0)).inReplyTo()).isNull();
    SessionTracker.Step reply = tracker.accept(messages.get(1));
    assertThat(reply.inReplyTo()).isEqualTo("query-status");
    assertThat(reply.violations()).isEmpty();
    assertThat(tracker.finish()).isEmpty();
    assertThat(tracker.sessions()).isEqualTo(1);
    assertThat(Severity.values()).contains(Severity.INFO);
    assertThat(ViolationCode.valueOf("UNANSWERED_COMMAND")).isNotNull();
  }

  private static CaptureSummary summary(String capture, List<String> found) {
    try (CaptureReader reader = CaptureReader.of(new ByteArrayInputStream(
        capture.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "t")) {
      return CaptureValidator.of(QmpValidator.of(SCHEMA)).validate(reader, CaptureListener.of(
          f -> found.add(f.message().line() + " " + f.violation().code() + " "
              + f.violation().severity().name().toLowerCase(java.util.Locale.ROOT) + " "
              + f.message().name()),
          u -> found.add(u.line() + " UNPARSED")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
