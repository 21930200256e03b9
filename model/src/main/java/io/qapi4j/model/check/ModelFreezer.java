package io.qapi4j.model.check;

import io.qapi4j.model.AlternateType;
import io.qapi4j.model.ArrayType;
import io.qapi4j.model.Branch;
import io.qapi4j.model.BuiltinType;
import io.qapi4j.model.Command;
import io.qapi4j.model.Definition;
import io.qapi4j.model.DocComment;
import io.qapi4j.model.EnumType;
import io.qapi4j.model.EnumValue;
import io.qapi4j.model.Event;
import io.qapi4j.model.Feature;
import io.qapi4j.model.Member;
import io.qapi4j.model.Module;
import io.qapi4j.model.ObjectType;
import io.qapi4j.model.Pragmas;
import io.qapi4j.model.QapiType;
import io.qapi4j.model.Schema;
import io.qapi4j.model.SourceLocation;
import io.qapi4j.model.StructType;
import io.qapi4j.model.UnionType;
import io.qapi4j.model.check.Entities.AlternateEnt;
import io.qapi4j.model.check.Entities.ArrayEnt;
import io.qapi4j.model.check.Entities.BuiltinEnt;
import io.qapi4j.model.check.Entities.CommandEnt;
import io.qapi4j.model.check.Entities.EnumEnt;
import io.qapi4j.model.check.Entities.Entity;
import io.qapi4j.model.check.Entities.EventEnt;
import io.qapi4j.model.check.Entities.FeatureEnt;
import io.qapi4j.model.check.Entities.ObjectEnt;
import io.qapi4j.model.check.Entities.ObjectMemberEnt;
import io.qapi4j.model.check.Entities.SimpleUnionEnt;
import io.qapi4j.model.check.Entities.TypeEnt;
import io.qapi4j.model.check.Entities.ValueEnt;
import io.qapi4j.model.check.Entities.VariantEnt;
import io.qapi4j.model.parse.DocBlock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns checked entities into the immutable model. Entities that failed their check, and those
 * that would have to embed one, are left out, so a schema with errors still yields the part that
 * is sound.
 */
final class ModelFreezer {

  private final List<Entity> entities;
  private final List<Module> modules;
  private final Pragmas pragmas;
  private final Map<String, @Nullable Definition> frozen = new HashMap<>();

  ModelFreezer(List<Entity> entities, List<Module> modules, Pragmas pragmas) {
    this.entities = entities;
    this.modules = modules;
    this.pragmas = pragmas;
  }

  Schema freeze() {
    List<Definition> out = new ArrayList<>();
    List<ArrayType> arrays = new ArrayList<>();
    for (Entity e : entities) {
      if (e.info == null || e.failed) {
        continue;
      }
      if (e instanceof ArrayEnt a) {
        arrays.add(new ArrayType(a.name, a.elementName));
        continue;
      }
      Definition d = definition(e);
      if (d != null) {
        out.add(d);
      }
    }
    return Schema.of(out, arrays, modules, pragmas);
  }

  private @Nullable Definition definition(Entity e) {
    if (frozen.containsKey(e.name)) {
      return frozen.get(e.name);
    }
    frozen.put(e.name, null);
    Definition d = e.failed ? null : build(e);
    frozen.put(e.name, d);
    return d;
  }

  private @Nullable Definition build(Entity e) {
    SourceLocation loc = e.info == null ? SourceLocation.BUILTIN : e.info.location();
    DocComment doc = doc(e.doc);
    List<Feature> features = features(e.features);
    if (e instanceof EnumEnt en) {
      EnumValue[] values = new EnumValue[en.values.size()];
      for (int i = 0; i < values.length; i++) {
        ValueEnt v = en.values.get(i);
        values[i] = new EnumValue(v.name, v.cond, features(v.features));
      }
      return new EnumType(en.name, List.of(values), en.prefix, en.cond, features, doc, loc, en.isImplicit());
    }
    if (e instanceof ObjectEnt o) {
      StructType base = null;
      if (o.base != null) {
        if (!(definition(o.base) instanceof StructType b)) {
          return null;
        }
        base = b;
      }
      if (o.branches == null) {
        return new StructType(o.name, base, members(o.localMembers), o.cond, features, doc, loc,
            o.isImplicit());
      }
      if (base == null || o.branches.tagEnum == null
          || !(definition(o.branches.tagEnum) instanceof EnumType tagEnum)) {
        return null;
      }
      List<Branch> branches = branches(o.branches.variants.subList(0, o.branches.explicitCount));
      return new UnionType(o.name, UnionType.Kind.FLAT, base, o.branches.tagName, tagEnum,
          branches, o.cond, features, doc, loc);
    }
    if (e instanceof SimpleUnionEnt u) {
      StructType base = null;
      if (u.base != null) {
        if (!(definition(u.base) instanceof StructType b)) {
          return null;
        }
        base = b;
      }
      if (!(definition(u.kindEnum) instanceof EnumType kind)) {
        return null;
      }
      return new UnionType(u.name, UnionType.Kind.SIMPLE, base, "type", kind,
          branches(u.variants), u.cond, features, doc, loc);
    }
    if (e instanceof AlternateEnt a) {
      return new AlternateType(a.name, branches(a.variants), a.anonymousUnion, a.cond, features,
          doc, loc);
    }
    if (e instanceof CommandEnt c) {
      ObjectType args = null;
      if (c.argType != null) {
        if (!(definition(c.argType) instanceof ObjectType t)) {
          return null;
        }
        args = t;
      }
      QapiType returns = null;
      if (c.retType != null) {
        returns = type(c.retType);
        if (returns == null) {
          return null;
        }
      }
      return new Command(c.name, args, returns, c.boxed, c.gen, c.successResponse, c.allowOob,
          c.allowPreconfig, c.coroutine, c.cond, features, doc, loc);
    }
    if (e instanceof EventEnt ev) {
      ObjectType data = null;
      if (ev.argType != null) {
        if (!(definition(ev.argType) instanceof ObjectType t)) {
          return null;
        }
        data = t;
      }
      return new Event(ev.name, data, ev.boxed, ev.cond, features, doc, loc);
    }
    return null;
  }

  private @Nullable QapiType type(@Nullable TypeEnt t) {
    if (t == null) {
      return null;
    }
    if (t instanceof BuiltinEnt) {
      return BuiltinType.named(t.name).orElse(null);
    }
    if (t instanceof ArrayEnt a) {
      return ArrayType.of(a.elementName);
    }
    if (t.name.equals("QType")) {
      return EnumType.QTYPE;
    }
    if (t.name.equals(StructType.EMPTY_NAME)) {
      return StructType.EMPTY;
    }
    return definition(t) instanceof QapiType q ? q : null;
  }

  // Loops into arrays rather than streams: List.of(array) is a list the model's records keep as
  // it is, where Stream.toList() (which allows nulls) gets copied once more; and most lists here
  // are empty.

  private static List<Member> members(List<ObjectMemberEnt> members) {
    Member[] out = new Member[members.size()];
    for (int i = 0; i < out.length; i++) {
      ObjectMemberEnt m = members.get(i);
      out[i] = new Member(m.name, m.typeName, m.optional, m.cond, features(m.features));
    }
    return List.of(out);
  }

  private static List<Branch> branches(List<VariantEnt> variants) {
    Branch[] out = new Branch[variants.size()];
    for (int i = 0; i < out.length; i++) {
      VariantEnt v = variants.get(i);
      out[i] = new Branch(v.name, v.typeName, v.cond);
    }
    return List.of(out);
  }

  private static List<Feature> features(List<FeatureEnt> features) {
    if (features.isEmpty()) {
      return List.of();
    }
    Feature[] out = new Feature[features.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = new Feature(features.get(i).name, features.get(i).cond);
    }
    return List.of(out);
  }

  private static @Nullable DocComment doc(@Nullable DocBlock doc) {
    return doc == null ? null : doc.toDocComment();
  }
}
