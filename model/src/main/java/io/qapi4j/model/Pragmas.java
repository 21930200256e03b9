package io.qapi4j.model;

import java.util.List;

/**
 * The schema-wide {@code 'pragma'} settings (the last value of each pragma wins).
 *
 * @param docRequired whether every definition needs a documentation comment
 * @param commandNameExceptions commands whose names may contain {@code _}
 * @param commandReturnsExceptions commands that may return something other than objects
 * @param documentationExceptions definitions whose members may lack documentation
 * @param memberNameExceptions types whose members may use upper case and {@code _}
 */
public record Pragmas(
    boolean docRequired,
    List<String> commandNameExceptions,
    List<String> commandReturnsExceptions,
    List<String> documentationExceptions,
    List<String> memberNameExceptions) {

  /** No pragma set. */
  public static final Pragmas NONE = new Pragmas(false, List.of(), List.of(), List.of(), List.of());

  public Pragmas {
    commandNameExceptions = List.copyOf(commandNameExceptions);
    commandReturnsExceptions = List.copyOf(commandReturnsExceptions);
    documentationExceptions = List.copyOf(documentationExceptions);
    memberNameExceptions = List.copyOf(memberNameExceptions);
  }

  /** Whether no pragma differs from its default. */
  public boolean isEmpty() {
    return equals(NONE);
  }
}
