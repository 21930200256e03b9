package io.qapi4j.jsonschema;

import io.qapi4j.model.Schema;

/** The wire protocol whose messages an export describes. */
public enum Protocol {
  /** QEMU Machine Protocol: commands (also out-of-band), replies, errors, events, the greeting. */
  QMP("qmp"),
  /** The guest agent's protocol: commands, replies and errors; no greeting, events or OOB. */
  QGA("qga");

  private final String prefix;

  Protocol(String prefix) {
    this.prefix = prefix;
  }

  /** The lower-case name, used in {@code $defs} keys ({@code qmp:message}) and {@code $id}s. */
  public String prefix() {
    return prefix;
  }

  /**
   * The protocol a schema is most likely for: {@link #QGA} when it has a {@code guest-sync} command
   * and no events, {@link #QMP} otherwise.
   */
  public static Protocol detect(Schema schema) {
    return schema.command("guest-sync").isPresent() && schema.events().isEmpty() ? QGA : QMP;
  }
}
