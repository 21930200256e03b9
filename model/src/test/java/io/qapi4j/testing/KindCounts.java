package io.qapi4j.testing;

import io.qapi4j.model.DefinitionKind;
import java.util.Map;

/** Expected definition counts per kind, written in one line. */
public final class KindCounts {
  private KindCounts() {}

  /** The counts in the order enum, struct, union, alternate, command, event. */
  public static Map<DefinitionKind, Integer> of(int enums, int structs, int unions,
      int alternates, int commands, int events) {
    return Map.of(DefinitionKind.ENUM, enums, DefinitionKind.STRUCT, structs,
        DefinitionKind.UNION, unions, DefinitionKind.ALTERNATE, alternates,
        DefinitionKind.COMMAND, commands, DefinitionKind.EVENT, events);
  }
}
