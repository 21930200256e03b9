package io.qapi4j.model.check;

import io.qapi4j.model.Condition;
import io.qapi4j.model.parse.DocBlock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The checker's working model, a port of QEMU's {@code schema.py} entities: mutable while they
 * are resolved and checked in QEMU's order, then frozen into the immutable model by {@link
 * ModelFreezer}. Each entity checks itself, so errors come out where and when QEMU reports them.
 */
final class Entities {
  private Entities() {}

  private static final Pattern NUMERIC_START = Pattern.compile("[-+0-9.].*", Pattern.DOTALL);

  /** What entities need from the schema while checking. */
  interface Context {
    TypeEnt resolveType(String name, @Nullable Info info, String what);

    boolean compat();

    void warn(io.qapi4j.model.Diagnostic warning);

    /** Whether the {@code command-returns-exceptions} pragma lists {@code command}. */
    boolean isCommandReturnsException(String command);

    /** Whether the {@code documentation-exceptions} pragma lists {@code definition}. */
    boolean isDocumentationException(@Nullable String definition);

    @Nullable Entity lookupEntity(String name);
  }

  static CheckException error(@Nullable Info info, String message) {
    return new CheckException(info == null
        ? io.qapi4j.model.Diagnostic.error(io.qapi4j.model.SourceLocation.BUILTIN, message)
        : info.error(message));
  }

  // ---------------------------------------------------------------- members

  /** QEMU's {@code QAPISchemaMember} and subclasses (object member, variant, enum value, feature). */
  static class MemberEnt {
    final String name;
    final @Nullable Info info;
    final @Nullable Condition cond;
    final String role;
    @Nullable String definedIn;
    /** {@code c_name(name)}, once: a base's members are compared again in each type using it. */
    private @Nullable String cname;

    MemberEnt(String name, @Nullable Info info, @Nullable Condition cond, String role) {
      this.name = name;
      this.info = info;
      this.cond = cond;
      this.role = role;
    }

    void checkClash(@Nullable Info info, Map<String, MemberEnt> seen) {
      if (cname == null) {
        cname = CNames.cName(name);
      }
      MemberEnt other = seen.get(cname);
      if (other != null) {
        throw error(info, describe(info) + " collides with " + other.describe(info));
      }
      seen.put(cname, this);
    }

    String describe(@Nullable Info info) {
      String role = this.role;
      String meta = "type";
      String in = definedIn == null ? "" : definedIn;
      if (in.startsWith("q_obj_")) {
        in = in.substring(6);
        if (in.endsWith("-arg")) {
          role = "parameter";
          meta = "command";
          in = in.substring(0, in.length() - 4);
        } else if (in.endsWith("-base")) {
          role = "base " + role;
          in = in.substring(0, in.length() - 5);
        }
      }
      if (info == null || !in.equals(info.name())) {
        return role + " '" + name + "' of " + meta + " '" + in + "'";
      }
      return role + " '" + name + "'";
    }

    void connectDoc(@Nullable DocBlock doc, Context ctx) {
      if (doc == null) {
        return;
      }
      DocBlock.Section s = doc.args().get(name);
      if (s == null) {
        if (!ctx.isDocumentationException(doc.symbol())) {
          throw error(info, role + " '" + name + "' lacks documentation");
        }
        doc.addStubArgument(name);
        return;
      }
      s.connect();
    }
  }

  /** A feature of a definition, member or enum value. */
  static final class FeatureEnt extends MemberEnt {
    FeatureEnt(String name, @Nullable Info info, @Nullable Condition cond) {
      super(name, info, cond, "feature");
    }

    boolean isSpecial() {
      return name.equals("deprecated") || name.equals("unstable");
    }

    void connectFeatureDoc(@Nullable DocBlock doc) {
      if (doc == null) {
        return;
      }
      DocBlock.Section s = doc.features().get(name);
      if (s == null) {
        throw error(info, "feature '" + name + "' lacks documentation");
      }
      s.connect();
    }
  }

  static void checkFeatureClash(List<FeatureEnt> features, @Nullable Info info) {
    if (features.isEmpty()) {
      return;
    }
    Map<String, MemberEnt> seen = new LinkedHashMap<>();
    for (FeatureEnt f : features) {
      f.checkClash(info, seen);
    }
  }

  /** An enum value. */
  static final class ValueEnt extends MemberEnt {
    final List<FeatureEnt> features;

    ValueEnt(String name, @Nullable Info info, @Nullable Condition cond, List<FeatureEnt> features) {
      super(name, info, cond, "value");
      this.features = features;
      features.forEach(f -> f.definedIn = name);
    }

    @Override
    void connectDoc(@Nullable DocBlock doc, Context ctx) {
      super.connectDoc(doc, ctx);
      features.forEach(f -> f.connectFeatureDoc(doc));
    }
  }

  /** An object member, or (role branch) a variant. */
  static class ObjectMemberEnt extends MemberEnt {
    final String typeName;
    final boolean optional;
    final List<FeatureEnt> features;
    @Nullable TypeEnt type;

    ObjectMemberEnt(String name, @Nullable Info info, String typeName, boolean optional,
        @Nullable Condition cond, List<FeatureEnt> features, String role) {
      super(name, info, cond, role);
      this.typeName = typeName;
      this.optional = optional;
      this.features = features;
    }

    void check(Context ctx) {
      // The description is for the error message only: not built when the type is known.
      type = ctx.lookupEntity(typeName) instanceof TypeEnt known
          ? known : ctx.resolveType(typeName, info, describe(info));
      checkFeatureClash(features, info);
    }

    @Override
    void connectDoc(@Nullable DocBlock doc, Context ctx) {
      super.connectDoc(doc, ctx);
      features.forEach(f -> f.connectFeatureDoc(doc));
    }
  }

  /** A union or alternate branch. */
  static final class VariantEnt extends ObjectMemberEnt {
    VariantEnt(String name, @Nullable Info info, String typeName, @Nullable Condition cond) {
      super(name, info, typeName, false, cond, List.of(), "branch");
    }
  }

  // ---------------------------------------------------------------- definitions

  /** QEMU's {@code QAPISchemaDefinition}. */
  abstract static class Entity {
    final String name;
    final @Nullable Info info;
    final @Nullable DocBlock doc;
    final @Nullable Condition cond;
    final List<FeatureEnt> features;
    boolean checked;
    boolean failed;

    Entity(String name, @Nullable Info info, @Nullable DocBlock doc, @Nullable Condition cond,
        List<FeatureEnt> features) {
      this.name = name;
      this.info = info;
      this.doc = doc;
      this.cond = cond;
      this.features = features;
      features.forEach(f -> f.definedIn = name);
    }

    abstract String meta();

    void check(Context ctx) {
      checked = true;
      checkFeatureClash(features, info);
    }

    void connectDoc(@Nullable DocBlock doc, Context ctx) {
      DocBlock d = doc != null ? doc : this.doc;
      if (d != null) {
        features.forEach(f -> f.connectFeatureDoc(d));
      }
    }

    boolean isImplicit() {
      return info == null;
    }

    String describe() {
      return meta() + " '" + name + "'";
    }
  }

  /** QEMU's {@code QAPISchemaType}. */
  abstract static class TypeEnt extends Entity {
    TypeEnt(String name, @Nullable Info info, @Nullable DocBlock doc, @Nullable Condition cond,
        List<FeatureEnt> features) {
      super(name, info, doc, cond, features);
    }

    @Override
    void check(Context ctx) {
      super.check(ctx);
      for (FeatureEnt f : features) {
        if (f.isSpecial()) {
          throw error(info, "feature '" + f.name + "' is not supported for types");
        }
      }
    }

    abstract String jsonType();

    @Nullable String alternateQtype() {
      return switch (jsonType()) {
        case "null" -> "QTYPE_QNULL";
        case "string" -> "QTYPE_QSTRING";
        case "number", "int" -> "QTYPE_QNUM";
        case "boolean" -> "QTYPE_QBOOL";
        case "array" -> "QTYPE_QLIST";
        case "object" -> "QTYPE_QDICT";
        default -> null;
      };
    }

    @Nullable Condition effectiveCondition() {
      return cond;
    }

    @Override
    String describe() {
      return meta() + " type '" + name + "'";
    }
  }

  static final class BuiltinEnt extends TypeEnt {
    final String jsonType;

    BuiltinEnt(String name, String jsonType) {
      super(name, null, null, null, List.of());
      this.jsonType = jsonType;
    }

    @Override
    String meta() {
      return "built-in";
    }

    @Override
    String jsonType() {
      return jsonType;
    }
  }

  static final class EnumEnt extends TypeEnt {
    final List<ValueEnt> values;
    final @Nullable String prefix;
    final boolean implicit;

    EnumEnt(String name, @Nullable Info info, @Nullable DocBlock doc, @Nullable Condition cond,
        List<FeatureEnt> features, List<ValueEnt> values, @Nullable String prefix, boolean implicit) {
      super(name, info, doc, cond, features);
      this.values = values;
      this.prefix = prefix;
      this.implicit = implicit;
      values.forEach(v -> v.definedIn = name);
    }

    @Override
    String meta() {
      return "enum";
    }

    @Override
    void check(Context ctx) {
      super.check(ctx);
      Map<String, MemberEnt> seen = new LinkedHashMap<>();
      for (ValueEnt v : values) {
        v.checkClash(info, seen);
      }
    }

    @Override
    void connectDoc(@Nullable DocBlock doc, Context ctx) {
      super.connectDoc(doc, ctx);
      DocBlock d = doc != null ? doc : this.doc;
      for (ValueEnt v : values) {
        v.connectDoc(d, ctx);
      }
    }

    @Override
    boolean isImplicit() {
      return implicit || name.equals("QType");
    }

    @Override
    String jsonType() {
      return "string";
    }

    List<String> valueNames() {
      return values.stream().map(v -> v.name).toList();
    }
  }

  static final class ArrayEnt extends TypeEnt {
    final String elementName;
    @Nullable TypeEnt element;

    ArrayEnt(String name, @Nullable Info info, String elementName) {
      super(name, info, null, null, List.of());
      this.elementName = elementName;
    }

    @Override
    String meta() {
      return "array";
    }

    @Override
    void check(Context ctx) {
      super.check(ctx);
      element = ctx.resolveType(elementName, info, info == null || info.meta() == null ? "" : info.meta());
    }

    @Override
    @Nullable Condition effectiveCondition() {
      return element == null ? null : element.effectiveCondition();
    }

    @Override
    boolean isImplicit() {
      return true;
    }

    @Override
    String jsonType() {
      return "array";
    }

    @Override
    String describe() {
      return "array type ['" + elementName + "']";
    }
  }

  /** The branches of a flat union (QEMU's {@code QAPISchemaBranches}). */
  static final class Branches {
    final Info info;
    final List<VariantEnt> variants;
    final String tagName;
    @Nullable ObjectMemberEnt tagMember;
    @Nullable EnumEnt tagEnum;
    final int explicitCount;

    Branches(Info info, List<VariantEnt> variants, String tagName) {
      this.info = info;
      this.variants = new ArrayList<>(variants);
      this.tagName = tagName;
      this.explicitCount = variants.size();
    }

    void check(Context ctx, Map<String, MemberEnt> seen, String owner) {
      MemberEnt found = seen.get(CNames.cName(tagName));
      String base = "'base'";
      if (!(found instanceof ObjectMemberEnt tag) || !tagName.equals(tag.name)) {
        throw error(info, "discriminator '" + tagName + "' is not a member of " + base);
      }
      tagMember = tag;
      Entity baseType = tag.definedIn == null ? null : ctx.lookupEntity(tag.definedIn);
      if (baseType != null && !baseType.isImplicit()) {
        base = "base type '" + tag.definedIn + "'";
      }
      EnumEnt tagEnum;
      if (tag.type instanceof EnumEnt e) {
        tagEnum = e;
      } else if (ctx.compat() && tag.type instanceof BuiltinEnt b && b.name.equals("str")) {
        // QEMU 1.6 and 1.7 let a 'str' member discriminate; the branch names are its values.
        ctx.warn(info.warning("discriminator member '" + tagName + "' of " + base
            + " must be of enum type (QEMU 1.7 and older accepted 'str')"));
        List<ValueEnt> values = new ArrayList<>();
        variants.forEach(v -> values.add(new ValueEnt(v.name, info, v.cond, List.of())));
        tagEnum = new EnumEnt(owner + "Kind", info, null, null, List.of(), values, null, true);
      } else {
        throw error(info, "discriminator member '" + tagName + "' of " + base + " must be of enum type");
      }
      this.tagEnum = tagEnum;
      if (tag.optional) {
        throw error(info, "discriminator member '" + tagName + "' of " + base + " must not be optional");
      }
      if (tag.cond != null) {
        throw error(info, "discriminator member '" + tagName + "' of " + base + " must not be conditional");
      }
      Set<String> cases = new LinkedHashSet<>();
      variants.forEach(v -> cases.add(v.name));
      for (ValueEnt m : tagEnum.values) {
        if (!cases.contains(m.name)) {
          VariantEnt v = new VariantEnt(m.name, info, "q_empty", m.cond);
          v.definedIn = tag.definedIn;
          variants.add(v);
        }
      }
      if (variants.isEmpty()) {
        throw error(info, "union has no branches");
      }
      Set<String> values = new HashSet<>(tagEnum.valueNames());
      for (VariantEnt v : variants) {
        v.check(ctx);
        if (!seen.isEmpty()) {
          if (!values.contains(v.name)) {
            throw error(info, "branch '" + v.name + "' is not a value of " + tagEnum.describe());
          }
          if (!(v.type instanceof ObjectEnt branchType)) {
            throw error(info, v.describe(info) + " cannot use " + v.type.describe());
          }
          branchType.check(ctx);
        }
      }
    }

    void checkClash(@Nullable Info info, Map<String, MemberEnt> seen) {
      for (VariantEnt v : variants) {
        if (v.type instanceof ObjectEnt o) {
          o.checkClash(info, new LinkedHashMap<>(seen));
        }
      }
    }
  }

  /** A struct or flat union (QEMU's {@code QAPISchemaObjectType}). */
  static final class ObjectEnt extends TypeEnt {
    final @Nullable String baseName;
    final List<ObjectMemberEnt> localMembers;
    final @Nullable Branches branches;
    @Nullable ObjectEnt base;
    List<ObjectMemberEnt> members = List.of();
    boolean checkComplete;

    ObjectEnt(String name, @Nullable Info info, @Nullable DocBlock doc, @Nullable Condition cond,
        List<FeatureEnt> features, @Nullable String baseName, List<ObjectMemberEnt> localMembers,
        @Nullable Branches branches) {
      super(name, info, doc, cond, features);
      this.baseName = baseName;
      this.localMembers = localMembers;
      this.branches = branches;
      localMembers.forEach(m -> m.definedIn = name);
      if (branches != null) {
        branches.variants.forEach(v -> v.definedIn = name);
      }
    }

    @Override
    String meta() {
      return branches != null ? "union" : "struct";
    }

    @Override
    void check(Context ctx) {
      if (checkComplete) {
        return;
      }
      if (failed) {
        throw new CheckException.Poisoned();
      }
      if (checked) {
        throw error(info, "object " + name + " contains itself");
      }
      try {
        checkBody(ctx);
      } catch (RuntimeException e) {
        // Whatever broke this object also breaks the objects embedding it: fail them silently.
        failed = true;
        throw e;
      }
    }

    private void checkBody(Context ctx) {
      super.check(ctx);
      Map<String, MemberEnt> seen = new LinkedHashMap<>();
      if (baseName != null) {
        base = checkedBase(ctx, baseName, info, seen);
      }
      for (ObjectMemberEnt m : localMembers) {
        m.check(ctx);
        m.checkClash(info, seen);
      }
      List<ObjectMemberEnt> all = new ArrayList<>();
      for (MemberEnt m : seen.values()) {
        all.add((ObjectMemberEnt) m);
      }
      if (branches != null) {
        branches.check(ctx, seen, name);
        branches.checkClash(info, seen);
      }
      members = all;
      checkComplete = true;
    }

    void checkClash(@Nullable Info info, Map<String, MemberEnt> seen) {
      for (ObjectMemberEnt m : members) {
        m.checkClash(info, seen);
      }
      if (branches != null) {
        branches.checkClash(info, seen);
      }
    }

    @Override
    void connectDoc(@Nullable DocBlock doc, Context ctx) {
      super.connectDoc(doc, ctx);
      DocBlock d = doc != null ? doc : this.doc;
      if (base != null && base.isImplicit()) {
        base.connectDoc(d, ctx);
      }
      for (ObjectMemberEnt m : localMembers) {
        m.connectDoc(d, ctx);
      }
    }

    @Override
    boolean isImplicit() {
      return name.startsWith("q_");
    }

    boolean hasConditionalMembers() {
      return members.stream().anyMatch(m -> m.cond != null);
    }

    @Override
    String jsonType() {
      return "object";
    }
  }

  /** A pre-6.2 simple union (compat dialect only). */
  static final class SimpleUnionEnt extends TypeEnt {
    final @Nullable String baseName;
    final List<VariantEnt> variants;
    final EnumEnt kindEnum;
    @Nullable ObjectEnt base;

    SimpleUnionEnt(String name, Info info, @Nullable DocBlock doc, @Nullable Condition cond,
        List<FeatureEnt> features, @Nullable String baseName, List<VariantEnt> variants,
        EnumEnt kindEnum) {
      super(name, info, doc, cond, features);
      this.baseName = baseName;
      this.variants = variants;
      this.kindEnum = kindEnum;
      variants.forEach(v -> v.definedIn = name);
    }

    @Override
    String meta() {
      return "union";
    }

    @Override
    void check(Context ctx) {
      super.check(ctx);
      Map<String, MemberEnt> seen = new LinkedHashMap<>();
      if (baseName != null) {
        base = checkedBase(ctx, baseName, info, seen);
      }
      ObjectMemberEnt tag = new ObjectMemberEnt("type", info, kindEnum.name, false, null, List.of(), "member");
      tag.definedIn = name;
      tag.checkClash(info, seen);
      ObjectMemberEnt data = new ObjectMemberEnt("data", info, "any", false, null, List.of(), "member");
      data.definedIn = name;
      data.checkClash(info, seen);
      for (VariantEnt v : variants) {
        v.check(ctx);
      }
    }

    @Override
    void connectDoc(@Nullable DocBlock doc, Context ctx) {
      super.connectDoc(doc, ctx);
    }

    @Override
    String jsonType() {
      return "object";
    }
  }

  static final class AlternateEnt extends TypeEnt {
    final List<VariantEnt> variants;
    final boolean anonymousUnion;
    final ObjectMemberEnt tagMember;

    AlternateEnt(String name, Info info, @Nullable DocBlock doc, @Nullable Condition cond,
        List<FeatureEnt> features, List<VariantEnt> variants, boolean anonymousUnion) {
      super(name, info, doc, cond, features);
      this.variants = variants;
      this.anonymousUnion = anonymousUnion;
      variants.forEach(v -> v.definedIn = name);
      tagMember = new ObjectMemberEnt("type", info, "QType", false, null, List.of(), "member");
      tagMember.definedIn = name;
    }

    @Override
    String meta() {
      return "alternate";
    }

    @Override
    void check(Context ctx) {
      super.check(ctx);
      tagMember.check(ctx);
      for (VariantEnt v : variants) {
        v.check(ctx);
      }
      Map<String, MemberEnt> seen = new LinkedHashMap<>();
      Map<String, String> typesSeen = new LinkedHashMap<>();
      for (VariantEnt v : variants) {
        v.checkClash(info, seen);
        TypeEnt type = v.type;
        String qtype = type == null ? null : type.alternateQtype();
        if (qtype == null) {
          throw error(info, v.describe(info) + " cannot use " + (type == null ? "?" : type.describe()));
        }
        List<String> conflicting = new ArrayList<>(List.of(qtype));
        List<String> keyval = new ArrayList<>();
        if (qtype.equals("QTYPE_QSTRING")) {
          if (type instanceof EnumEnt e) {
            for (ValueEnt m : e.values) {
              if (m.name.equals("on") || m.name.equals("off")) {
                keyval.add("QTYPE_QBOOL");
              }
              if (NUMERIC_START.matcher(m.name).matches()) {
                keyval.add("QTYPE_QNUM");
              }
            }
          } else {
            keyval.add("QTYPE_QNUM");
            keyval.add("QTYPE_QBOOL");
          }
        }
        for (String qt : keyval) {
          if (!conflicting.contains(qt)) {
            conflicting.add(qt);
          }
        }
        for (String qt : conflicting) {
          String other = typesSeen.get(qt);
          if (other != null) {
            String message = v.describe(info) + " can't be distinguished from '" + other + "'";
            // The string-vs-number/boolean ambiguity only exists since QEMU 2.10's keyval input.
            if (ctx.compat() && keyval.contains(qt) && !qt.equals(qtype)) {
              ctx.warn(info.warning(message));
              continue;
            }
            throw error(info, message);
          }
          typesSeen.put(qt, v.name);
        }
      }
    }

    @Override
    void connectDoc(@Nullable DocBlock doc, Context ctx) {
      super.connectDoc(doc, ctx);
      DocBlock d = doc != null ? doc : this.doc;
      for (VariantEnt v : variants) {
        v.connectDoc(d, ctx);
      }
    }

    @Override
    String jsonType() {
      return "value";
    }
  }

  static final class CommandEnt extends Entity {
    final @Nullable String argTypeName;
    final @Nullable String retTypeName;
    final boolean gen;
    final boolean successResponse;
    final boolean boxed;
    final boolean allowOob;
    final boolean allowPreconfig;
    final boolean coroutine;
    @Nullable ObjectEnt argType;
    @Nullable TypeEnt retType;

    CommandEnt(String name, Info info, @Nullable DocBlock doc, @Nullable Condition cond,
        List<FeatureEnt> features, @Nullable String argTypeName, @Nullable String retTypeName,
        boolean gen, boolean successResponse, boolean boxed, boolean allowOob,
        boolean allowPreconfig, boolean coroutine) {
      super(name, info, doc, cond, features);
      this.argTypeName = argTypeName;
      this.retTypeName = retTypeName;
      this.gen = gen;
      this.successResponse = successResponse;
      this.boxed = boxed;
      this.allowOob = allowOob;
      this.allowPreconfig = allowPreconfig;
      this.coroutine = coroutine;
    }

    @Override
    String meta() {
      return "command";
    }

    @Override
    void check(Context ctx) {
      super.check(ctx);
      if (argTypeName != null) {
        argType = argumentType(ctx, this, argTypeName, boxed, "command");
      }
      if (retTypeName != null) {
        retType = ctx.resolveType(retTypeName, info, "command's 'returns'");
        if (!ctx.isCommandReturnsException(name)) {
          TypeEnt typ = retType;
          if (typ instanceof ArrayEnt a) {
            typ = a.element;
          }
          if (!(typ instanceof ObjectEnt) && !(typ instanceof SimpleUnionEnt)) {
            String message = "command's 'returns' cannot take " + retType.describe();
            if (ctx.compat()) {
              ctx.warn(info.warning(message));
            } else {
              throw error(info, message);
            }
          }
        }
      }
    }

    @Override
    void connectDoc(@Nullable DocBlock doc, Context ctx) {
      super.connectDoc(doc, ctx);
      DocBlock d = doc != null ? doc : this.doc;
      if (d != null && argType != null && argType.isImplicit()) {
        argType.connectDoc(d, ctx);
      }
    }
  }

  static final class EventEnt extends Entity {
    final @Nullable String argTypeName;
    final boolean boxed;
    @Nullable ObjectEnt argType;

    EventEnt(String name, Info info, @Nullable DocBlock doc, @Nullable Condition cond,
        List<FeatureEnt> features, @Nullable String argTypeName, boolean boxed) {
      super(name, info, doc, cond, features);
      this.argTypeName = argTypeName;
      this.boxed = boxed;
    }

    @Override
    String meta() {
      return "event";
    }

    @Override
    void check(Context ctx) {
      super.check(ctx);
      if (argTypeName != null) {
        argType = argumentType(ctx, this, argTypeName, boxed, "event");
      }
    }

    @Override
    void connectDoc(@Nullable DocBlock doc, Context ctx) {
      super.connectDoc(doc, ctx);
      DocBlock d = doc != null ? doc : this.doc;
      if (d != null && argType != null && argType.isImplicit()) {
        argType.connectDoc(d, ctx);
      }
    }
  }

  /** Resolves and checks a struct's or union's {@code 'base'}; its members join {@code seen}. */
  private static ObjectEnt checkedBase(Context ctx, String baseName, @Nullable Info info,
      Map<String, MemberEnt> seen) {
    TypeEnt b = ctx.resolveType(baseName, info, "'base'");
    if (!(b instanceof ObjectEnt base) || base.branches != null) {
      throw error(info, "'base' requires a struct type, " + b.describe() + " isn't");
    }
    base.check(ctx);
    base.checkClash(info, seen);
    return base;
  }

  /** The shared argument-type rules of commands and events. */
  private static @Nullable ObjectEnt argumentType(Context ctx, Entity owner,
      String typeName, boolean boxed, String meta) {
    TypeEnt t = ctx.resolveType(typeName, owner.info, meta + "'s 'data'");
    if (!(t instanceof ObjectEnt arg)) {
      if (ctx.compat() && t instanceof SimpleUnionEnt && boxed) {
        return null;
      }
      throw error(owner.info, meta + "'s 'data' cannot take " + t.describe());
    }
    if (arg.branches != null && !boxed) {
      throw error(owner.info, meta + "'s 'data' can take " + arg.describe()
          + " only with 'boxed': true");
    }
    arg.check(ctx);
    if (arg.hasConditionalMembers() && !boxed) {
      String message = "conditional " + meta + " arguments require 'boxed': true";
      if (ctx.compat()) {
        ctx.warn(owner.info.warning(message));
      } else {
        throw error(owner.info, message);
      }
    }
    return arg;
  }
}
