package io.qapi4j.model.print;

import io.qapi4j.model.AlternateType;
import io.qapi4j.model.ArrayType;
import io.qapi4j.model.Branch;
import io.qapi4j.model.Command;
import io.qapi4j.model.Condition;
import io.qapi4j.model.Definition;
import io.qapi4j.model.EnumType;
import io.qapi4j.model.EnumValue;
import io.qapi4j.model.Event;
import io.qapi4j.model.Feature;
import io.qapi4j.model.Member;
import io.qapi4j.model.ObjectType;
import io.qapi4j.model.Pragmas;
import io.qapi4j.model.QapiType;
import io.qapi4j.model.Schema;
import io.qapi4j.model.StructType;
import io.qapi4j.model.UnionType;
import io.qapi4j.model.print.SchemaValue.Array;
import io.qapi4j.model.print.SchemaValue.Bool;
import io.qapi4j.model.print.SchemaValue.Dict;
import io.qapi4j.model.print.SchemaValue.Str;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns definitions and pragmas into the schema expressions that define them, in today's syntax
 * wherever the model allows and in the legacy syntax that the compat reader reads back into the
 * same model otherwise (simple unions, anonymous unions, C-expression conditions, nested struct
 * types written in place).
 *
 * <p>Types the schema language derives are written the way they arise: an implicit argument
 * struct ({@code q_obj_NAME-arg}) as inline {@code 'data'}, an implicit union base
 * ({@code q_obj_NAME-base}) as inline {@code 'base'}, an implicit nested struct
 * ({@code q_obj_OWNER-MEMBER}) as a dict in place of the member's type, an array type as
 * {@code ['T']}. A simple union's kind enum is not written at all.
 */
final class DefinitionExpressions {

  private static final String IMPLICIT_PREFIX = "q_obj_";
  private static final Set<String> LONG_FORM_KEYS = Set.of("type", "if", "features");

  private final Schema schema;

  /** Writes definitions of {@code schema}, which resolves the type names they use. */
  DefinitionExpressions(Schema schema) {
    this.schema = schema;
  }

  /** The expression defining {@code definition}. */
  Dict definition(Definition definition) {
    if (definition instanceof EnumType e) {
      return enumType(e);
    }
    if (definition instanceof StructType s) {
      return struct(s);
    }
    if (definition instanceof UnionType u) {
      return union(u);
    }
    if (definition instanceof AlternateType a) {
      return alternate(a);
    }
    if (definition instanceof Command c) {
      return command(c);
    }
    return event((Event) definition);
  }

  /** The {@code 'pragma'} directive for the non-default pragmas, or {@code null} if none. */
  static @Nullable Dict pragmas(Pragmas pragmas) {
    Dict.Builder values = Dict.builder();
    if (pragmas.docRequired()) {
      values.put("doc-required", new Bool(true));
    }
    putNonEmpty(values, "command-name-exceptions", pragmas.commandNameExceptions());
    putNonEmpty(values, "command-returns-exceptions", pragmas.commandReturnsExceptions());
    putNonEmpty(values, "documentation-exceptions", pragmas.documentationExceptions());
    putNonEmpty(values, "member-name-exceptions", pragmas.memberNameExceptions());
    Dict dict = values.build();
    return dict.entries().isEmpty() ? null : Dict.builder().put("pragma", dict).build();
  }

  /** The {@code 'include'} directive for {@code path}. */
  static Dict include(String path) {
    return Dict.builder().put("include", path).build();
  }

  private static void putNonEmpty(Dict.Builder dict, String key, List<String> names) {
    if (!names.isEmpty()) {
      dict.put(key, Array.ofStrings(names));
    }
  }

  private Dict enumType(EnumType e) {
    Dict.Builder out = Dict.builder().put("enum", e.name());
    if (e.prefix() != null) {
      out.put("prefix", e.prefix());
    }
    List<SchemaValue> values = new ArrayList<>();
    for (EnumValue v : e.values()) {
      values.add(v.condition() == null && v.features().isEmpty()
          ? new Str(v.name())
          : withConditionAndFeatures(Dict.builder().put("name", v.name()), v.condition(),
              v.features()).build());
    }
    out.put("data", new Array(values, false));
    return common(out, e).build();
  }

  private Dict struct(StructType s) {
    Dict.Builder out = Dict.builder().put("struct", s.name());
    if (s.base() != null) {
      out.put("base", s.base().name());
    }
    out.put("data", members(s.name(), s.members()));
    return common(out, s).build();
  }

  private Dict union(UnionType u) {
    Dict.Builder out = Dict.builder().put("union", u.name());
    StructType base = u.base();
    if (u.isFlat()) {
      if (base == null) {
        throw new IllegalArgumentException("a flat union needs a base");
      }
      String inlineBase = implicitName(u.name(), "base");
      out.put("base", base.implicit() && base.name().equals(inlineBase)
          ? members(u.name() + "-base", base.members())
          : new Str(base.name()));
      out.put("discriminator", u.discriminator());
    } else {
      if (!u.discriminator().equals("type")) {
        throw new IllegalArgumentException("a simple union's tag is always 'type', not '"
            + u.discriminator() + "'");
      }
      if (base != null) {
        out.put("base", base.name());
      }
    }
    Dict.Builder data = Dict.builder();
    for (Branch b : u.branches()) {
      SchemaValue type = u.isFlat()
          ? new Str(b.type())
          : typeReference(b.type(), implicitName(u.name(), b.name()));
      data.put(b.name(), branch(type, b.condition()));
    }
    out.put("data", data.build());
    return common(out, u).build();
  }

  private Dict alternate(AlternateType a) {
    Dict.Builder out = Dict.builder();
    if (a.anonymousUnion()) {
      out.put("union", a.name()).put("discriminator", Dict.builder().build());
    } else {
      out.put("alternate", a.name());
    }
    Dict.Builder data = Dict.builder();
    for (Branch b : a.branches()) {
      data.put(b.name(), branch(typeReference(b.type(), null), b.condition()));
    }
    out.put("data", data.build());
    return common(out, a).build();
  }

  private Dict command(Command c) {
    Dict.Builder out = Dict.builder().put("command", c.name());
    if (c.arguments() != null) {
      out.put("data", arguments(c.name(), c.arguments()));
    }
    QapiType returns = c.returns();
    if (returns != null) {
      String inlineReturns = implicitName(c.name(), "ret");
      if (returns instanceof StructType s && s.implicit() && s.name().equals(inlineReturns)) {
        out.put("returns", members(c.name() + "-ret", s.members()));
      } else if (returns instanceof ArrayType array) {
        out.put("returns", Array.ofType(array.elementType()));
      } else {
        out.put("returns", returns.name());
      }
    }
    putFlag(out, "boxed", c.boxed(), true);
    putFlag(out, "gen", c.gen(), false);
    putFlag(out, "success-response", c.successResponse(), false);
    putFlag(out, "allow-oob", c.allowOob(), true);
    putFlag(out, "allow-preconfig", c.allowPreconfig(), true);
    putFlag(out, "coroutine", c.coroutine(), true);
    return common(out, c).build();
  }

  private Dict event(Event e) {
    Dict.Builder out = Dict.builder().put("event", e.name());
    if (e.data() != null) {
      out.put("data", arguments(e.name(), e.data()));
    }
    putFlag(out, "boxed", e.boxed(), true);
    return common(out, e).build();
  }

  /** A command's or event's {@code 'data'}: inline members for its implicit argument struct. */
  private SchemaValue arguments(String owner, ObjectType arguments) {
    if (arguments instanceof StructType s && s.implicit()
        && s.name().equals(implicitName(owner, "arg"))) {
      return members(owner + "-arg", s.members());
    }
    return new Str(arguments.name());
  }

  private static void putFlag(Dict.Builder out, String key, boolean value, boolean written) {
    if (value == written) {
      out.put(key, new Bool(written));
    }
  }

  /**
   * A members dict; {@code owner} is what names the implicit nested structs of its members
   * ({@code q_obj_OWNER-MEMBER}).
   */
  private Dict members(String owner, List<Member> members) {
    Dict.Builder out = Dict.builder();
    for (Member m : members) {
      String key = (m.optional() ? "*" : "") + m.name();
      SchemaValue type = typeReference(m.type(), implicitName(owner, m.name()));
      if (m.condition() == null && m.features().isEmpty()) {
        out.put(key, type);
      } else if (type instanceof Dict) {
        throw new IllegalArgumentException("member '" + m.name() + "' has a nested struct type"
            + " written in place, which cannot carry 'if' or 'features'");
      } else {
        out.put(key, withConditionAndFeatures(Dict.builder().put("type", type), m.condition(),
            m.features()).build());
      }
    }
    return out.build();
  }

  /**
   * A type reference: {@code ['T']} for an array type, the members dict of an implicit struct
   * called {@code inlineName}, else the type's name.
   */
  private SchemaValue typeReference(String typeName, @Nullable String inlineName) {
    QapiType type = schema.typeOrNull(typeName);
    if (type instanceof ArrayType array) {
      return Array.ofType(array.elementType());
    }
    if (inlineName != null && type instanceof StructType s && s.implicit()
        && s.name().equals(inlineName)) {
      return nestedStruct(inlineName.substring(IMPLICIT_PREFIX.length()), s.members());
    }
    return new Str(typeName);
  }

  /**
   * A pre-2.4 nested struct written in place. A dict whose keys are all {@code type}, {@code if}
   * and {@code features} would read as a member's long form, so then its member {@code type} is
   * itself written in the long form, which cannot be mistaken.
   */
  private Dict nestedStruct(String owner, List<Member> members) {
    Dict dict = members(owner, members);
    if (!(dict.get("type") instanceof Str) && !(dict.get("type") instanceof Array)) {
      return dict;
    }
    boolean ambiguous = dict.entries().stream().allMatch(e -> LONG_FORM_KEYS.contains(e.key()));
    if (!ambiguous) {
      return dict;
    }
    Dict.Builder out = Dict.builder();
    for (SchemaValue.Entry e : dict.entries()) {
      out.put(e.key(), e.key().equals("type")
          ? Dict.builder().put("type", e.value()).build()
          : e.value());
    }
    return out.build();
  }

  /** A branch: its type, or the long form when it has a condition. */
  private static SchemaValue branch(SchemaValue type, @Nullable Condition condition) {
    if (condition == null && !(type instanceof Dict)) {
      return type;
    }
    Dict.Builder out = Dict.builder().put("type", type);
    if (condition != null) {
      out.put("if", ConditionExpressions.of(condition));
    }
    return out.build();
  }

  private static Dict.Builder common(Dict.Builder out, Definition definition) {
    return withConditionAndFeatures(out, definition.condition(), definition.features());
  }

  private static Dict.Builder withConditionAndFeatures(Dict.Builder out,
      @Nullable Condition condition, List<Feature> features) {
    if (condition != null) {
      out.put("if", ConditionExpressions.of(condition));
    }
    if (!features.isEmpty()) {
      List<SchemaValue> list = new ArrayList<>();
      for (Feature f : features) {
        list.add(f.condition() == null
            ? new Str(f.name())
            : Dict.builder().put("name", f.name())
                .put("if", ConditionExpressions.of(f.condition())).build());
      }
      out.put("features", new Array(list, false));
    }
    return out;
  }

  private static String implicitName(String owner, String role) {
    return IMPLICIT_PREFIX + owner + "-" + role;
  }
}
