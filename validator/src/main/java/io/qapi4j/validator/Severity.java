package io.qapi4j.validator;

/** How serious a violation is. Only errors make a message invalid. */
public enum Severity {
  /** The message breaks the schema or the protocol. */
  ERROR,
  /** Accepted by QEMU, but worth attention (use of something deprecated under a warn policy). */
  WARNING,
  /** Normal traffic worth noting (e.g. an unsolicited parse-error reply after a 0xFF sync). */
  INFO
}
