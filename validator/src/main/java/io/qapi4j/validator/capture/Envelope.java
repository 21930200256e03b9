package io.qapi4j.validator.capture;

import io.qapi4j.validator.Direction;
import io.qapi4j.validator.MessageKind;
import io.qapi4j.validator.Protocol;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a message's top-level members say it is, read before validation so that a session can
 * match a reply to its command.
 *
 * @param kind the kind by QMP's rules ({@link MessageKind#UNKNOWN} for anything but an object with
 *     one of {@code execute}, {@code exec-oob}, {@code return}, {@code error}, {@code event},
 *     {@code QMP})
 * @param name the {@code execute}, {@code exec-oob} or {@code event} member when it is a string
 * @param id the {@code id} member, or {@code null} when there is none
 * @param errorClass for an error reply, {@code error.class} when it is a string
 * @param errorDesc for an error reply, {@code error.desc} when it is a string
 * @param malformedRequest for the {@link MessageKind#UNKNOWN} kind: whether it can only be a
 *     client's broken request, as a server reads it — no object, or an object with {@code
 *     arguments} or {@code id}, or without members (servers send none of these)
 */
public record Envelope(
    MessageKind kind,
    @Nullable String name,
    @Nullable JsonNode id,
    @Nullable String errorClass,
    @Nullable String errorDesc,
    boolean malformedRequest) {

  /** The start of the text of QEMU's replies to input it could not parse. */
  static final String PARSE_ERROR_PREFIX = "JSON parse error";

  /**
   * The direction the envelope implies: commands and malformed requests travel to the server,
   * replies, events and greetings to the client; anything else is unknown.
   */
  public Direction impliedDirection() {
    return switch (kind) {
      case COMMAND, OOB_COMMAND -> Direction.CLIENT;
      case SUCCESS_REPLY, ERROR_REPLY, EVENT, GREETING -> Direction.SERVER;
      case UNKNOWN -> malformedRequest ? Direction.CLIENT : Direction.UNKNOWN;
    };
  }

  /**
   * The kind as a peer of {@code protocol} reads a message travelling {@code direction}: QGA has
   * no out-of-band commands, events or greeting, and whatever a client sends is a command.
   */
  public MessageKind kind(Protocol protocol, Direction direction) {
    MessageKind k = kind;
    if (protocol == Protocol.QGA) {
      k = switch (k) {
        case OOB_COMMAND -> MessageKind.COMMAND;
        case EVENT, GREETING -> MessageKind.UNKNOWN;
        default -> k;
      };
    }
    return direction == Direction.CLIENT && !k.isCommand() ? MessageKind.UNKNOWN : k;
  }

  /**
   * Whether this is QEMU's answer to input it could not parse: an error reply without {@code id}
   * whose text starts with "JSON parse error" (qemu-ga sends one for the 0xFF a client writes
   * before {@code guest-sync-delimited}).
   */
  public boolean isParseErrorReply() {
    return kind == MessageKind.ERROR_REPLY && id == null && errorDesc != null
        && errorDesc.startsWith(PARSE_ERROR_PREFIX);
  }

  @Override
  public String toString() {
    return kind + (name == null ? "" : " " + name) + (id == null ? "" : " id " + id);
  }
}
