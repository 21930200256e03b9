package io.qapi4j.dsl;

import io.qapi4j.model.SourceLocation;
import io.qapi4j.model.parse.QValue;
import java.util.Map;

/**
 * Configures an alternate ({@code {'alternate': NAME, 'data': {...}}}): a value of one of several
 * types, told apart by its JSON kind, so no two branches may take the same kind.
 */
public final class AlternateBuilder extends DefinitionBuilder {
  private final BranchList branches;
  private boolean anonymousUnion;

  AlternateBuilder(SchemaBuilder schema, String name, SourceLocation location) {
    super(schema, "alternate", name, location);
    this.branches = new BranchList(schema, title());
  }

  /** Adds a branch. */
  public void branch(String name, TypeRef type) {
    branches.add(name, type, null);
  }

  /** Adds a branch configured by {@code block} ({@code if}). */
  public void branch(String name, TypeRef type, Block<BranchBuilder> block) {
    branches.add(name, type, block);
  }

  /**
   * Writes it as a pre-2.4 anonymous union ({@code {'union': NAME, 'discriminator': {}, 'data':
   * ...}}), which the model remembers; compat dialect only.
   */
  public void anonymousUnion() {
    this.anonymousUnion = true;
  }

  @Override
  void writeBody(Map<String, QValue> out) {
    if (anonymousUnion) {
      out.remove("alternate");
      out.put("union", Q.str(name));
      out.put("discriminator", Q.object(Map.of()));
    }
    out.put("data", branches.toQObject());
  }
}
