package io.qapi4j.validator;

/** What a message is, as told by its envelope. */
public enum MessageKind {
  /** {@code {"execute": ...}}. */
  COMMAND,
  /** {@code {"exec-oob": ...}} (QMP, once the {@code oob} capability is on). */
  OOB_COMMAND,
  /** {@code {"return": ...}}. */
  SUCCESS_REPLY,
  /** {@code {"error": {"class": ..., "desc": ...}}}. */
  ERROR_REPLY,
  /** {@code {"event": ..., "data": ..., "timestamp": ...}}. */
  EVENT,
  /** {@code {"QMP": {"version": ..., "capabilities": ...}}}, sent by a QMP server on connect. */
  GREETING,
  /** Not JSON, not an object, or an object that is none of the above. */
  UNKNOWN;

  /** Whether a client sends this kind of message. */
  public boolean isCommand() {
    return this == COMMAND || this == OOB_COMMAND;
  }

  /** Whether this is a reply to a command. */
  public boolean isReply() {
    return this == SUCCESS_REPLY || this == ERROR_REPLY;
  }
}
