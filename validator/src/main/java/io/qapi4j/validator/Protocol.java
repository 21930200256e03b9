package io.qapi4j.validator;

/** The two protocols QAPI schemas describe. */
public enum Protocol {
  /** The QEMU Machine Protocol: greeting, capabilities negotiation, OOB commands, events. */
  QMP,
  /** The guest agent protocol: commands and replies only, with 0xFF-delimited sync. */
  QGA
}
