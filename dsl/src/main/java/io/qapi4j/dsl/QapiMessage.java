package io.qapi4j.dsl;

import io.qapi4j.validator.MessageKind;
import tools.jackson.databind.node.ObjectNode;

/**
 * A message built by {@link QapiMessages} and found valid against its schema.
 *
 * <pre>{@code
 * QapiMessage m = messages.execute("query-status");
 * m.toJson();   // {"execute":"query-status"}
 * }</pre>
 */
public final class QapiMessage {
  private final MessageKind kind;
  private final String name;
  private final ObjectNode json;

  QapiMessage(MessageKind kind, String name, ObjectNode json) {
    this.kind = kind;
    this.name = name;
    this.json = json;
  }

  /** What the message is: a command, an out-of-band command, an event, a reply. */
  public MessageKind kind() {
    return kind;
  }

  /** The command or event the message names, or for a reply the command it answers. */
  public String name() {
    return name;
  }

  /** The message as a Jackson tree (a copy: change it freely). */
  public ObjectNode json() {
    return json.deepCopy();
  }

  /** The message as compact JSON text, ready to send. */
  public String toJson() {
    return json.toString();
  }

  @Override
  public String toString() {
    return toJson();
  }
}
