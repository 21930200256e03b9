package io.qapi4j.validator;

/** How messages are checked. Both give the same verdicts; tests keep them equal. */
public enum Engine {
  /** The model compiled into a tree of checks: fast, QEMU's messages and paths. */
  NATIVE,
  /** networknt's JSON Schema validator on the exported JSON Schema bundle. */
  JSON_SCHEMA
}
