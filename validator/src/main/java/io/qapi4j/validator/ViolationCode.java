package io.qapi4j.validator;

/**
 * Stable codes for violations. QEMU's message for each is given where QEMU has one; the
 * {@link Violation#message()} carries the concrete text.
 */
public enum ViolationCode {
  /** Not valid JSON (QEMU: "JSON parse error, ..."), incl. duplicate keys and excessive nesting. */
  JSON_PARSE_ERROR,
  /** "QMP input must be a JSON object". */
  NOT_AN_OBJECT,
  /** The object is no command, reply, event or greeting. */
  UNKNOWN_MESSAGE,
  /** "QMP input lacks member 'execute'". */
  MISSING_EXECUTE,
  /** "QMP input member 'X' is unexpected", or an unexpected member of a reply, event or greeting. */
  UNEXPECTED_ENVELOPE_MEMBER,
  /** "QMP input member 'execute' must be a string". */
  EXECUTE_NOT_A_STRING,
  /** "QMP input member 'arguments' must be an object". */
  ARGUMENTS_NOT_AN_OBJECT,
  /** "QMP input member 'execute' clashes with 'exec-oob'" (the later member in QEMU's order). */
  EXECUTE_CLASH,
  /** "The command X does not support OOB". */
  OOB_NOT_SUPPORTED,
  /** "The command X has not been found". */
  UNKNOWN_COMMAND,
  /** An event the schema does not define. */
  UNKNOWN_EVENT,
  /** A reply, error, event or greeting envelope lacks a member or has one of the wrong type. */
  MALFORMED_ENVELOPE,
  /** "Parameter 'a.b' is missing". */
  MISSING_MEMBER,
  /** "Parameter 'a.b' is unexpected". */
  UNEXPECTED_MEMBER,
  /** "Invalid parameter type for 'a.b', expected: integer" and the like. */
  INVALID_TYPE,
  /**
   * "Parameter 'b' expects int8_t" and other integers out of their type's range; also an integer
   * beyond int64 for a signed type, which QEMU words as its type error ("Invalid parameter type for
   * 'b', expected: integer").
   */
  OUT_OF_RANGE,
  /** "Parameter 'mode' does not accept value 'bogus'" (also a union's discriminator). */
  INVALID_ENUM_VALUE,
  /** "Invalid parameter type for 'b', expected: AltName": no alternate branch takes the value. */
  NO_ALTERNATE_BRANCH,
  /** Use of something deprecated under a reject or warn policy ({@code -compat deprecated-input}). */
  DEPRECATED,
  /** Use of something unstable under a reject or warn policy ({@code -compat unstable-input}). */
  UNSTABLE,
  /** A reply whose command is unknown, or that arrives when no command is waiting (sessions). */
  UNEXPECTED_REPLY,
  /** A command that never got a reply (sessions). */
  UNANSWERED_COMMAND,
  /** A reply to a command that sends none on success ({@code success-response: false}). */
  REPLY_NOT_EXPECTED,
  /** A protocol-order problem: a command before {@code qmp_capabilities}, a second greeting. */
  PROTOCOL_ORDER
}
