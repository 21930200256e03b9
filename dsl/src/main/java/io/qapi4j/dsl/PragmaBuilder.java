package io.qapi4j.dsl;

import io.qapi4j.model.Pragmas;
import java.util.List;

/** Configures the schema's {@code 'pragma'} settings. */
@QapiDslMarker
public final class PragmaBuilder {
  private boolean docRequired;
  private List<String> commandNameExceptions = List.of();
  private List<String> commandReturnsExceptions = List.of();
  private List<String> documentationExceptions = List.of();
  private List<String> memberNameExceptions = List.of();

  PragmaBuilder(Pragmas initial) {
    docRequired = initial.docRequired();
    commandNameExceptions = initial.commandNameExceptions();
    commandReturnsExceptions = initial.commandReturnsExceptions();
    documentationExceptions = initial.documentationExceptions();
    memberNameExceptions = initial.memberNameExceptions();
  }

  /** {@code 'doc-required': true}: every definition needs a documentation comment. */
  public void docRequired() {
    docRequired = true;
  }

  /** {@code 'command-name-exceptions'}: commands whose names may contain {@code _}. */
  public void commandNameExceptions(String... commands) {
    commandNameExceptions = List.of(commands);
  }

  /** {@code 'command-returns-exceptions'}: commands that may return non-objects. */
  public void commandReturnsExceptions(String... commands) {
    commandReturnsExceptions = List.of(commands);
  }

  /** {@code 'documentation-exceptions'}: definitions whose members may lack documentation. */
  public void documentationExceptions(String... definitions) {
    documentationExceptions = List.of(definitions);
  }

  /** {@code 'member-name-exceptions'}: types whose members may use upper case and {@code _}. */
  public void memberNameExceptions(String... types) {
    memberNameExceptions = List.of(types);
  }

  Pragmas toPragmas() {
    return new Pragmas(docRequired, commandNameExceptions, commandReturnsExceptions,
        documentationExceptions, memberNameExceptions);
  }
}
