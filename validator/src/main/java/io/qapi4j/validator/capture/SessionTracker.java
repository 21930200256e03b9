package io.qapi4j.validator.capture;

import io.qapi4j.model.Command;
import io.qapi4j.model.Schema;
import io.qapi4j.validator.Direction;
import io.qapi4j.validator.MessageKind;
import io.qapi4j.validator.Protocol;
import io.qapi4j.validator.Severity;
import io.qapi4j.validator.Violation;
import io.qapi4j.validator.ViolationCode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Follows the sessions of one capture: matches each reply to the request it answers and checks
 * the protocol's order. Feed it every message in capture order, before validating the message
 * (the {@link Step} says which command a reply answers), and call {@link #finish()} at the end.
 *
 * <p>The rules:
 *
 * <ul>
 *   <li>Every message a client sends is a request the server answers — QEMU answers every JSON
 *       value: a command, and also a malformed request (no object, no {@code execute}), whose
 *       error reply carries the request's {@code id} if it had one. Only input that is no JSON
 *       at all gets no matching reply (see below).
 *   <li>A reply with an {@code id} answers the oldest waiting request with an equal {@code id}
 *       (out-of-band replies may overtake). A reply without one answers the oldest waiting request
 *       without one (QMP answers in-band requests in order); a success reply passes over commands
 *       with {@code success-response: false}, which send nothing on success (an error reply may
 *       still answer them).
 *   <li>A reply that answers nothing is {@link ViolationCode#UNEXPECTED_REPLY}, except before the
 *       capture has shown any request (it may start mid-session, or hold replies only): such
 *       replies are counted as {@link #uncorrelatedReplies()}. An error reply without {@code id}
 *       saying "JSON parse error" is the server's answer to input it could not parse (qemu-ga
 *       answers the 0xFF a client sends before {@code guest-sync-delimited} so): normal traffic,
 *       severity {@code info}.
 *   <li>A request still waiting when its session ends is {@link
 *       ViolationCode#UNANSWERED_COMMAND} (reported then, about the request).
 *   <li>QMP only: a greeting starts a session; then a command other than {@code
 *       qmp_capabilities} before negotiation is {@link ViolationCode#PROTOCOL_ORDER}, in QEMU's
 *       words. A {@code qmp_capabilities} after negotiation is decided by its reply: refused (QEMU:
 *       "Capabilities negotiation is already complete, command ignored"), it is {@link
 *       ViolationCode#PROTOCOL_ORDER} and changes nothing; answered with success, it starts a new
 *       session — a capture that holds several conversations without their greetings (libvirt's
 *       {@code .replies} files, iotests that restart QEMU) restarts there, the requests sent
 *       before it are left unanswered, and {@code id}s are unique per conversation. Without a
 *       greeting (the capture may start mid-session) no order is checked. Events may come
 *       anywhere.
 *   <li>An unanswered {@code quit} is only noted (severity {@code info}): the server may exit
 *       before its reply is written. In a {@linkplain #partialRecord(boolean) partial record}
 *       the other order findings are warnings.
 *   <li>Memory is bounded: at most {@link #DEFAULT_MAX_PENDING} requests wait; when more do, the
 *       oldest is given up as unanswered.
 * </ul>
 */
public final class SessionTracker {

  /** How many commands may wait for a reply at once (QEMU itself queues only eight). */
  public static final int DEFAULT_MAX_PENDING = 1024;

  private static final String CAPABILITIES = "qmp_capabilities";
  private static final String QUIT = "quit";

  /**
   * What a message did to its session.
   *
   * @param inReplyTo for a reply, the command it answers, if known
   * @param violations findings about this message
   * @param earlier findings about earlier messages that this one settled: requests left
   *     unanswered, a {@code qmp_capabilities} refused after negotiation
   */
  public record Step(@Nullable String inReplyTo, List<Violation> violations,
      List<CaptureFinding> earlier) {

    static final Step NONE = new Step(null, List.of(), List.of());

    public Step {
      violations = List.copyOf(violations);
      earlier = List.copyOf(earlier);
    }
  }

  private enum Negotiation { UNKNOWN, AWAITING, DONE }

  /**
   * A request waiting for its reply.
   *
   * @param sequence its position among the requests, for "sent before"
   * @param renegotiation a {@code qmp_capabilities} sent after negotiation: its reply decides
   *     whether it starts a new session
   */
  private record Pending(long sequence, MessageRef ref, @Nullable JsonNode id,
      boolean expectsReply, boolean renegotiation) {}

  private final Protocol protocol;
  private final @Nullable Schema schema;
  private final int maxPending;
  private final List<Pending> pending = new ArrayList<>();
  private Negotiation negotiation = Negotiation.UNKNOWN;
  private boolean inSession;
  private boolean commandsSeen;
  private long requests;
  private int sessions;
  private long uncorrelatedReplies;
  private Severity orderSeverity = Severity.ERROR;

  /**
   * A tracker for a capture of {@code protocol} traffic; {@code schema}, if given, tells which
   * commands send no reply on success.
   */
  public SessionTracker(Protocol protocol, @Nullable Schema schema) {
    this(protocol, schema, DEFAULT_MAX_PENDING);
  }

  /** As {@link #SessionTracker(Protocol, Schema)}, with at most {@code maxPending} waiting. */
  public SessionTracker(Protocol protocol, @Nullable Schema schema, int maxPending) {
    if (maxPending < 1) {
      throw new IllegalArgumentException("maxPending must be positive, not " + maxPending);
    }
    this.protocol = protocol;
    this.schema = schema;
    this.maxPending = maxPending;
  }

  /**
   * Whether the capture is a log that may leave messages out (a test that logs some commands but
   * not all): then replies to nothing, unanswered commands and commands before negotiation are
   * warnings, not errors. Default: no, a capture is a full record.
   */
  public void partialRecord(boolean partial) {
    orderSeverity = partial ? Severity.WARNING : Severity.ERROR;
  }

  /** Takes the next message of the capture. */
  public Step accept(CapturedMessage m) {
    MessageKind kind = m.envelope().kind(protocol, m.direction());
    List<CaptureFinding> earlier = new ArrayList<>();
    if (kind == MessageKind.GREETING) {
      earlier.addAll(newSession());
      negotiation = Negotiation.AWAITING;
      return new Step(null, List.of(), earlier);
    }
    if (!inSession) {
      inSession = true;
      sessions++;
    }
    if (kind.isCommand() || m.direction() == Direction.CLIENT) {
      return request(m, kind, earlier);
    }
    return kind.isReply() ? reply(m.envelope(), kind) : Step.NONE;
  }

  /** Takes an iotests greeting placeholder: a session starts; returns what that settled. */
  public List<CaptureFinding> greeting(FilteredGreeting greeting) {
    List<CaptureFinding> earlier = newSession();
    negotiation = Negotiation.AWAITING;
    return earlier;
  }

  /** Ends the capture: returns the commands left unanswered. */
  public List<CaptureFinding> finish() {
    return endSession("before the end of the capture", Long.MAX_VALUE);
  }

  /** Sessions seen so far (greetings, restarts, and the one a capture starts in). */
  public int sessions() {
    return sessions;
  }

  /** Replies that came before the capture showed any command, so answer nothing known. */
  public long uncorrelatedReplies() {
    return uncorrelatedReplies;
  }

  private List<CaptureFinding> newSession() {
    List<CaptureFinding> earlier = endSession("before its session ended", Long.MAX_VALUE);
    inSession = true;
    sessions++;
    return earlier;
  }

  /** Ends the session of the requests sent before {@code sequence}: they are left unanswered. */
  private List<CaptureFinding> endSession(String when, long sequence) {
    List<CaptureFinding> out = new ArrayList<>();
    pending.removeIf(p -> {
      if (p.sequence() >= sequence) {
        return false;
      }
      if (p.expectsReply()) {
        out.add(unanswered(p, when));
      }
      return true;
    });
    negotiation = Negotiation.UNKNOWN;
    return out;
  }

  private Step request(CapturedMessage m, MessageKind kind, List<CaptureFinding> earlier) {
    commandsSeen = true;
    String name = m.envelope().name();
    List<Violation> violations = new ArrayList<>();
    boolean renegotiation = false;
    // Only a well-formed command meets the negotiation check; QEMU refuses a malformed one first.
    if (protocol == Protocol.QMP && kind.isCommand() && name != null) {
      if (CAPABILITIES.equals(name)) {
        renegotiation = negotiation == Negotiation.DONE;
        negotiation = Negotiation.DONE;
      } else if (negotiation == Negotiation.AWAITING) {
        violations.add(violation(ViolationCode.PROTOCOL_ORDER, orderSeverity,
            "Expecting capabilities negotiation with 'qmp_capabilities'"));
      }
    }
    if (pending.size() >= maxPending) {
      Pending oldest = pending.remove(0);
      if (oldest.expectsReply()) {
        earlier.add(unanswered(oldest, "while " + maxPending + " later commands were sent"));
      }
    }
    MessageRef ref = new MessageRef(m.source(), m.index(), m.line(), m.direction(), kind, name);
    pending.add(new Pending(requests++, ref, m.envelope().id(), expectsReply(name),
        renegotiation));
    return new Step(null, violations, earlier);
  }

  private boolean expectsReply(@Nullable String name) {
    if (schema == null || name == null) {
      return true;
    }
    return schema.command(name).map(Command::successResponse).orElse(true);
  }

  private Step reply(Envelope envelope, MessageKind kind) {
    if (envelope.isParseErrorReply()) {
      return new Step(null, List.of(violation(ViolationCode.UNEXPECTED_REPLY, Severity.INFO,
          "Unsolicited reply to input the server could not parse (such as the 0xFF sync byte"
              + " a client sends): normal traffic")), List.of());
    }
    Pending match = envelope.id() != null ? takeById(envelope.id()) : takeInOrder(kind);
    if (match == null) {
      if (!commandsSeen) {
        uncorrelatedReplies++;
        return Step.NONE;
      }
      String what = envelope.id() != null
          ? "Reply with id " + envelope.id() + ", but no command with that id is waiting"
          : "Reply without id, but no command without id is waiting";
      return new Step(null, List.of(violation(ViolationCode.UNEXPECTED_REPLY, orderSeverity,
          what)), List.of());
    }
    String name = match.ref().name();
    List<CaptureFinding> earlier = new ArrayList<>();
    if (match.renegotiation()) {
      if (kind == MessageKind.SUCCESS_REPLY) {
        // A new conversation: what was sent before it belongs to the old one.
        earlier.addAll(endSession("before its session ended", match.sequence()));
        sessions++;
        negotiation = Negotiation.DONE;
      } else {
        earlier.add(new CaptureFinding(match.ref(), violation(ViolationCode.PROTOCOL_ORDER,
            orderSeverity, "Capabilities negotiation is already complete, command ignored")));
      }
    } else if (CAPABILITIES.equals(name) && kind == MessageKind.ERROR_REPLY
        && protocol == Protocol.QMP) {
      negotiation = Negotiation.AWAITING;
    }
    return new Step(name, List.of(), earlier);
  }

  private @Nullable Pending takeById(JsonNode id) {
    for (int i = 0; i < pending.size(); i++) {
      if (id.equals(pending.get(i).id())) {
        return pending.remove(i);
      }
    }
    return null;
  }

  /**
   * The oldest waiting command without id; a success reply passes over those that send nothing on
   * success (and settles them), unless no other is waiting.
   */
  private @Nullable Pending takeInOrder(MessageKind kind) {
    int first = -1;
    int expecting = -1;
    for (int i = 0; i < pending.size(); i++) {
      Pending p = pending.get(i);
      if (p.id() == null) {
        if (first < 0) {
          first = i;
        }
        if (p.expectsReply()) {
          expecting = i;
          break;
        }
      }
    }
    if (first < 0) {
      return null;
    }
    if (kind == MessageKind.ERROR_REPLY || expecting < 0) {
      return pending.remove(first);
    }
    Pending match = pending.remove(expecting);
    // The silent ones before it have succeeded.
    pending.subList(first, expecting).removeIf(p -> p.id() == null && !p.expectsReply());
    return match;
  }

  private CaptureFinding unanswered(Pending p, String when) {
    String name = p.ref().name();
    boolean quit = QUIT.equals(name);
    return new CaptureFinding(p.ref(), violation(ViolationCode.UNANSWERED_COMMAND,
        quit ? Severity.INFO : orderSeverity,
        (name == null ? "The request" : "The command " + name)
            + (p.id() == null ? "" : " with id " + p.id()) + " got no reply " + when
            + (quit ? " (the server may exit before its reply is written)" : "")));
  }

  private static Violation violation(ViolationCode code, Severity severity, String message) {
    return new Violation("", "", code, message, severity, null);
  }
}
