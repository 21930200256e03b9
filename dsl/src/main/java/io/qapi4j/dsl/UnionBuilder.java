package io.qapi4j.dsl;

import io.qapi4j.model.SourceLocation;
import io.qapi4j.model.parse.QValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Configures a flat union ({@code {'union': NAME, 'base': ..., 'discriminator': ..., 'data':
 * ...}}): a base struct, a discriminator chosen among the base's members, and a branch per value
 * of the discriminator's enum.
 *
 * <pre>{@code
 * EnumRef driver = s.enumType("Driver", e -> e.values("file", "qcow2"));
 * StructRef base = s.struct("Base", b -> b.member("driver", driver));
 * s.union("Options", u -> {
 *   u.discriminator(base.member("driver"));       // base: taken from the member's struct
 *   u.branch(driver.value("file"), fileOptions);
 *   u.branch(driver.value("qcow2"), qcow2Options);
 * });
 * }</pre>
 */
public final class UnionBuilder extends DefinitionBuilder {
  private @Nullable StructRef base;
  private final MemberList inlineBase;
  private @Nullable MemberRef discriminator;
  private final BranchList branches;

  UnionBuilder(SchemaBuilder schema, String name, SourceLocation location) {
    super(schema, "union", name, location);
    this.inlineBase = new MemberList(schema, title(), null);
    this.branches = new BranchList(schema, title());
  }

  /**
   * Sets the base struct. Optional when the {@linkplain #discriminator(MemberRef) discriminator}
   * was taken from a struct: that struct is then the base.
   */
  public void base(StructRef base) {
    this.base = base;
  }

  /** Adds a required member to an inline base ({@code 'base': {...}}) and returns its handle. */
  public MemberRef baseMember(String name, TypeRef type) {
    return inlineBase.add(name, type, false, null);
  }

  /** Adds a required member, configured by {@code block}, to an inline base. */
  public MemberRef baseMember(String name, TypeRef type, Block<MemberBuilder> block) {
    return inlineBase.add(name, type, false, block);
  }

  /** Adds an optional member to an inline base. */
  public MemberRef optionalBaseMember(String name, TypeRef type) {
    return inlineBase.add(name, type, true, null);
  }

  /** Adds an optional member, configured by {@code block}, to an inline base. */
  public MemberRef optionalBaseMember(String name, TypeRef type, Block<MemberBuilder> block) {
    return inlineBase.add(name, type, true, block);
  }

  /**
   * Sets the discriminator: a required, unconditional member of the base whose type is an enum
   * (or, in QEMU 1.6 and 1.7 and the compat dialect, {@code str}).
   */
  public void discriminator(MemberRef member) {
    this.discriminator = member;
  }

  /** Adds the branch for the discriminator value {@code value}: an object type. */
  public void branch(EnumValueRef value, TypeRef type) {
    branches.add(value.name(), type, null);
  }

  /** Adds the branch for {@code value}, configured by {@code block} ({@code if}). */
  public void branch(EnumValueRef value, TypeRef type, Block<BranchBuilder> block) {
    branches.add(value.name(), type, block);
  }

  /**
   * Adds a branch by name, for a discriminator of type {@code str} (QEMU 1.6 and 1.7, compat
   * dialect: the branch names become the values of an implicit enum). With an enum
   * discriminator, prefer {@link #branch(EnumValueRef, TypeRef)}.
   */
  public void branch(String value, TypeRef type) {
    branches.add(value, type, null);
  }

  /** Adds a branch by name, configured by {@code block}; see {@link #branch(String, TypeRef)}. */
  public void branch(String value, TypeRef type, Block<BranchBuilder> block) {
    branches.add(value, type, block);
  }

  @Override
  void writeBody(Map<String, QValue> out) {
    StructRef b = base;
    if (b == null && inlineBase.isEmpty() && discriminator != null) {
      b = discriminator.owner();
    }
    if (b != null) {
      out.put("base", Q.str(b.name()));
    } else if (!inlineBase.isEmpty()) {
      out.put("base", inlineBase.toQObject());
    }
    if (discriminator != null) {
      out.put("discriminator", Q.str(discriminator.name()));
    }
    out.put("data", branches.toQObject());
  }
}
