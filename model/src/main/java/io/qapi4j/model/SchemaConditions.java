package io.qapi4j.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Resolves a schema's {@code 'if'} conditions against a set of defined configuration symbols: the
 * schema "as built" with exactly those symbols, as QEMU's build would see it.
 *
 * <pre>{@code
 * Set<String> config = Set.of("CONFIG_SPICE", "CONFIG_VNC");
 * Schema built = SchemaConditions.resolve(schema, config::contains);
 * }</pre>
 */
public final class SchemaConditions {

  private SchemaConditions() {}

  /**
   * Returns {@code schema} without every definition, member, enum value, union or alternate
   * branch and feature whose condition is false when exactly the symbols {@code defined} accepts
   * are set. What remains carries no condition any more (each one held). Array types go with their
   * element type. Objects that a kept definition embeds (a struct's base, a union's base and tag
   * enum, command arguments, event data) are kept for it, resolved the same way.
   *
   * @param schema the schema to resolve
   * @param defined which configuration symbols are defined
   * @return the resolved schema, with the same modules and pragmas
   */
  public static Schema resolve(Schema schema, Predicate<String> defined) {
    return new Resolver(defined).resolve(schema);
  }

  private static final class Resolver {
    private final Predicate<String> defined;
    private final Map<String, Definition> done = new HashMap<>();

    Resolver(Predicate<String> defined) {
      this.defined = defined;
    }

    Schema resolve(Schema schema) {
      List<Definition> kept = new ArrayList<>();
      for (Definition d : schema.entities()) {
        if (holds(d.condition())) {
          kept.add(definition(d));
        }
      }
      Set<String> keptNames = new HashSet<>();
      kept.forEach(d -> keptNames.add(d.name()));
      keptNames.add(EnumType.QTYPE.name());
      keptNames.add(StructType.EMPTY_NAME);
      List<ArrayType> arrays = new ArrayList<>();
      for (QapiType t : schema.types().values()) {
        if (t instanceof ArrayType a && keptNames.contains(a.elementType())) {
          arrays.add(a);
        }
      }
      return Schema.of(kept, arrays, schema.modules(), schema.pragmas());
    }

    private boolean holds(@Nullable Condition condition) {
      return condition == null || condition.evaluate(defined);
    }

    @SuppressWarnings("unchecked")
    private <T extends Definition> T definition(T d) {
      Definition cached = done.get(d.name());
      if (cached != null) {
        return (T) cached;
      }
      Definition resolved = build(d);
      done.put(d.name(), resolved);
      return (T) resolved;
    }

    private Definition build(Definition d) {
      if (d instanceof EnumType e) {
        if (e == EnumType.QTYPE) {
          return e;
        }
        return new EnumType(e.name(), values(e.values()), e.prefix(), null, features(e.features()),
            e.doc(), e.location(), e.implicit());
      }
      if (d instanceof StructType s) {
        if (s == StructType.EMPTY) {
          return s;
        }
        StructType base = s.base() == null ? null : definition(s.base());
        return new StructType(s.name(), base, members(s.members()), null, features(s.features()),
            s.doc(), s.location(), s.implicit());
      }
      if (d instanceof UnionType u) {
        StructType base = u.base() == null ? null : definition(u.base());
        return new UnionType(u.name(), u.unionKind(), base, u.discriminator(),
            definition(u.tagType()), branches(u.branches()), null, features(u.features()), u.doc(),
            u.location());
      }
      if (d instanceof AlternateType a) {
        return new AlternateType(a.name(), branches(a.branches()), a.anonymousUnion(), null,
            features(a.features()), a.doc(), a.location());
      }
      if (d instanceof Command c) {
        ObjectType arguments = c.arguments() == null ? null : definition(c.arguments());
        QapiType returns = c.returns();
        if (returns instanceof Definition r) {
          returns = (QapiType) definition(r);
        }
        return new Command(c.name(), arguments, returns, c.boxed(), c.gen(), c.successResponse(),
            c.allowOob(), c.allowPreconfig(), c.coroutine(), null, features(c.features()), c.doc(),
            c.location());
      }
      Event e = (Event) d;
      ObjectType data = e.data() == null ? null : definition(e.data());
      return new Event(e.name(), data, e.boxed(), null, features(e.features()), e.doc(),
          e.location());
    }

    private List<EnumValue> values(List<EnumValue> values) {
      List<EnumValue> out = new ArrayList<>();
      for (EnumValue v : values) {
        if (holds(v.condition())) {
          out.add(new EnumValue(v.name(), null, features(v.features())));
        }
      }
      return out;
    }

    private List<Member> members(List<Member> members) {
      List<Member> out = new ArrayList<>();
      for (Member m : members) {
        if (holds(m.condition())) {
          out.add(new Member(m.name(), m.type(), m.optional(), null, features(m.features())));
        }
      }
      return out;
    }

    private List<Branch> branches(List<Branch> branches) {
      List<Branch> out = new ArrayList<>();
      for (Branch b : branches) {
        if (holds(b.condition())) {
          out.add(new Branch(b.name(), b.type(), null));
        }
      }
      return out;
    }

    private List<Feature> features(List<Feature> features) {
      List<Feature> out = new ArrayList<>();
      for (Feature f : features) {
        if (holds(f.condition())) {
          out.add(Feature.of(f.name()));
        }
      }
      return out;
    }
  }
}
