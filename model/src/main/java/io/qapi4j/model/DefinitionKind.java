package io.qapi4j.model;

/** The six kinds of top-level definition, named by the keyword that introduces them. */
public enum DefinitionKind {
  /** {@code 'enum'}. */
  ENUM("enum"),
  /** {@code 'struct'} (before QEMU 2.4 also {@code 'type'}). */
  STRUCT("struct"),
  /** {@code 'union'}: flat and simple unions. */
  UNION("union"),
  /** {@code 'alternate'} (before QEMU 2.4 an anonymous union). */
  ALTERNATE("alternate"),
  /** {@code 'command'}. */
  COMMAND("command"),
  /** {@code 'event'}. */
  EVENT("event");

  private final String keyword;

  DefinitionKind(String keyword) {
    this.keyword = keyword;
  }

  /** The schema keyword, which is also the "META" QEMU's messages use. */
  public String keyword() {
    return keyword;
  }
}
