package io.qapi4j.model.check;

import io.qapi4j.model.Condition;
import io.qapi4j.model.parse.DocBlock;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checked and normalised definitions, the hand-over from {@link ExpressionChecker} to
 * {@link SchemaChecker} (QEMU's normalised expression dicts, typed).
 */
final class Specs {
  private Specs() {}

  /** A reference to a type as written. */
  sealed interface TypeRef {
    /** A type name. */
    record Named(String name) implements TypeRef {}

    /** {@code ['T']}. */
    record ArrayOf(String element) implements TypeRef {}

    /** A pre-2.4 nested struct written in place ({@code 'qemu': {'major': 'int'}}). */
    record Inline(List<MemberSpec> members) implements TypeRef {}
  }

  record FeatureSpec(String name, @Nullable Condition condition) {}

  record MemberSpec(String name, boolean optional, TypeRef type, @Nullable Condition condition,
      List<FeatureSpec> features) {}

  record ValueSpec(String name, @Nullable Condition condition, List<FeatureSpec> features) {}

  record BranchSpec(String name, TypeRef type, @Nullable Condition condition) {}

  /** What every definition has. */
  record Common(String meta, String name, Info info, @Nullable DocBlock doc,
      @Nullable Condition condition, List<FeatureSpec> features) {}

  sealed interface DefinitionSpec {
    Common common();
  }

  record EnumSpec(Common common, List<ValueSpec> values, @Nullable String prefix)
      implements DefinitionSpec {}

  record StructSpec(Common common, @Nullable String base, List<MemberSpec> members)
      implements DefinitionSpec {}

  /**
   * A union. A flat union has {@code baseName} or {@code inlineBase} and a discriminator; a
   * simple union (compat) has {@code simple} set, an optional legacy base and no discriminator.
   */
  record UnionSpec(Common common, @Nullable String baseName, @Nullable List<MemberSpec> inlineBase,
      @Nullable String discriminator, List<BranchSpec> branches, boolean simple)
      implements DefinitionSpec {}

  record AlternateSpec(Common common, List<BranchSpec> branches, boolean anonymousUnion)
      implements DefinitionSpec {}

  /** Arguments or data: none, a type name, or inline members. */
  record ArgsSpec(@Nullable String typeName, @Nullable List<MemberSpec> inline) {
    static final ArgsSpec NONE = new ArgsSpec(null, null);
  }

  record CommandSpec(Common common, ArgsSpec data, @Nullable TypeRef returns, boolean boxed,
      boolean gen, boolean successResponse, boolean allowOob, boolean allowPreconfig,
      boolean coroutine) implements DefinitionSpec {}

  record EventSpec(Common common, ArgsSpec data, boolean boxed) implements DefinitionSpec {}
}
