package io.qapi4j.model.parse;

/** Which QEMU front end's rules a schema is read and checked by. */
public enum Dialect {
  /**
   * Accept the schema language of every QEMU release from 1.0 to today ({@code 'type'}, simple and
   * anonymous unions, {@code '**'}, string flags, C-expression {@code 'if'} strings, optional
   * commas, ...). Obsolete syntax is reported as warnings; genuine mistakes are still errors.
   * Documentation comments are read on a best-effort basis and never rejected.
   */
  COMPAT,
  /** The current QEMU front end's rules and messages, in QEMU's order, documentation included. */
  STRICT
}
