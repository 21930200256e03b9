package io.qapi4j.validator;

/** How messages are checked. Both give the same verdicts; tests keep them equal. */
public enum Engine {
  /** The model compiled into a tree of checks: fast, QEMU's messages and paths. */
  NATIVE,
  /**
   * networknt's JSON Schema validator on the exported JSON Schema bundle, with QEMU's integer
   * rule added ({@code 1.0} is no integer). Its errors carry the native engine's codes, pointers
   * and paths, but networknt's own message texts. It applies no {@link CompatPolicy} other than
   * accepting everything (the builder rejects one).
   */
  JSON_SCHEMA
}
