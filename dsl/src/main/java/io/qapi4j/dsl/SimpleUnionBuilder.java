package io.qapi4j.dsl;

import io.qapi4j.model.SourceLocation;
import io.qapi4j.model.parse.QValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Configures a simple union ({@code {'union': NAME, 'data': {...}}}, no discriminator): on the
 * wire {@code {"type": BRANCH, "data": VALUE}}, with an implicit enum {@code NAMEKind} of the
 * branch names. QEMU 6.2 removed simple unions, so only the compat dialect accepts them.
 */
public final class SimpleUnionBuilder extends DefinitionBuilder {
  private @Nullable StructRef base;
  private final BranchList branches;

  SimpleUnionBuilder(SchemaBuilder schema, String name, SourceLocation location) {
    super(schema, "union", name, location);
    this.branches = new BranchList(schema, title());
  }

  /** Sets a base whose members sit beside {@code type} and {@code data} (before QEMU 2.4). */
  public void base(StructRef base) {
    this.base = base;
  }

  /** Adds a branch: its value is {@code data} of type {@code type}, any type. */
  public void branch(String name, TypeRef type) {
    branches.add(name, type, null);
  }

  /** Adds a branch configured by {@code block} ({@code if}). */
  public void branch(String name, TypeRef type, Block<BranchBuilder> block) {
    branches.add(name, type, block);
  }

  /**
   * Adds a branch whose type is a struct written in place, which the model turns into an
   * implicit struct {@code q_obj_NAME-BRANCH} (pre-2.4 syntax).
   */
  public void nestedBranch(String name, Block<NestedStructBuilder> block) {
    branches.addNested(name, block);
  }

  @Override
  void writeBody(Map<String, QValue> out) {
    out.put("data", branches.toQObject());
    if (base != null) {
      out.put("base", Q.str(base.name()));
    }
  }
}
