package io.qapi4j.model.check;

import io.qapi4j.model.Condition;
import io.qapi4j.model.Diagnostic;
import io.qapi4j.model.Pragmas;
import io.qapi4j.model.check.Specs.AlternateSpec;
import io.qapi4j.model.check.Specs.ArgsSpec;
import io.qapi4j.model.check.Specs.BranchSpec;
import io.qapi4j.model.check.Specs.CommandSpec;
import io.qapi4j.model.check.Specs.Common;
import io.qapi4j.model.check.Specs.DefinitionSpec;
import io.qapi4j.model.check.Specs.EnumSpec;
import io.qapi4j.model.check.Specs.EventSpec;
import io.qapi4j.model.check.Specs.FeatureSpec;
import io.qapi4j.model.check.Specs.MemberSpec;
import io.qapi4j.model.check.Specs.StructSpec;
import io.qapi4j.model.check.Specs.TypeRef;
import io.qapi4j.model.check.Specs.UnionSpec;
import io.qapi4j.model.check.Specs.ValueSpec;
import io.qapi4j.model.parse.DocBlock;
import io.qapi4j.model.parse.ParsedExpression;
import io.qapi4j.model.parse.QValue;
import io.qapi4j.model.parse.QValue.QBool;
import io.qapi4j.model.parse.QValue.QList;
import io.qapi4j.model.parse.QValue.QObject;
import io.qapi4j.model.parse.QValue.QString;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * QEMU's {@code expr.py}: checks the shape of each definition, in QEMU's order and words, and
 * hands on a typed, normalised {@link DefinitionSpec}.
 *
 * <p>In the compat dialect it also reads the syntax of older releases: {@code 'type'} for structs,
 * simple unions, anonymous unions ({@code 'discriminator': {}}), nested struct types written in
 * place, the {@code '**'} and {@code 'visitor'} pseudo-types, string flags ({@code 'gen': 'no'})
 * and C-expression {@code 'if'} strings, each with a warning; broken naming conventions and
 * documentation become warnings or are ignored.
 */
final class ExpressionChecker {

  private static final List<String> METAS =
      List.of("enum", "struct", "union", "alternate", "command", "event");
  /** Pseudo-types of 'gen': 'no' commands before QEMU 2.5; all meant "any JSON value". */
  private static final Set<String> LEGACY_ANY = Set.of("**", "visitor", "dict");

  private final boolean compat;
  private final Pragmas pragmas;
  private final Consumer<Diagnostic> warnings;
  private final NameRules names;
  /** The pragmas' name lists as sets: looked up for every definition. */
  private final Set<String> commandNameExceptions;
  private final Set<String> memberNameExceptions;
  /** How deep the pre-2.4 nested struct types being read are nested right now. */
  private int nestedStructDepth;

  /** Old schemas nest struct types written in place one level deep; far deeper is hostile. */
  private static final int MAX_NESTED_STRUCTS = 32;

  ExpressionChecker(boolean compat, Pragmas pragmas, Consumer<Diagnostic> warnings) {
    this.compat = compat;
    this.pragmas = pragmas;
    this.warnings = warnings;
    this.names = new NameRules(compat, warnings);
    this.commandNameExceptions = new HashSet<>(pragmas.commandNameExceptions());
    this.memberNameExceptions = new HashSet<>(pragmas.memberNameExceptions());
  }

  /** Result of checking one expression: its name (when it got that far) and spec or error. */
  record Outcome(@Nullable String name, @Nullable DefinitionSpec spec, @Nullable Diagnostic error) {}

  /** QEMU's loop body of {@code check_exprs} for one expression. */
  Outcome check(ParsedExpression parsed) {
    String name = null;
    try {
      QObject expr = parsed.value();
      Info info = Info.at(parsed.location());
      String meta = meta(expr, info);
      String metaKey = expr.has(meta) ? meta : "type";
      if (!(expr.get(metaKey) instanceof QString nameValue)) {
        throw new CheckException(info.error("'" + meta + "' requires a string name"));
      }
      name = nameValue.value();
      info = info.inDefinition(meta, name);
      names.checkDefinitionName(name, info, meta, commandNameExceptions.contains(name));
      DocBlock doc = checkDoc(parsed.doc(), expr, meta, name, info);
      DefinitionSpec spec = switch (meta) {
        case "enum" -> enumSpec(expr, info, name, doc);
        case "union" -> unionSpec(expr, info, name, doc);
        case "alternate" -> alternateSpec(expr, info, name, doc, false);
        case "struct" -> structSpec(expr, info, name, doc, metaKey);
        case "command" -> commandSpec(expr, info, name, doc);
        default -> eventSpec(expr, info, name, doc);
      };
      return new Outcome(name, spec, null);
    } catch (CheckException e) {
      return new Outcome(name, null, e.diagnostic());
    }
  }

  private String meta(QObject expr, Info info) {
    String meta = null;
    int metas = 0;
    for (String m : METAS) {
      if (expr.has(m)) {
        meta = m;
        metas++;
      }
    }
    if (metas == 1) {
      return meta;
    }
    if (compat && metas == 0 && expr.has("type")) {
      warnings.accept(info.warning("'type' was renamed 'struct' in QEMU 2.4"));
      return "struct";
    }
    throw new CheckException(info.error("expression must have exactly one key"
        + " 'enum', 'struct', 'union', 'alternate', 'command', 'event'"));
  }

  private @Nullable DocBlock checkDoc(@Nullable DocBlock doc, QObject expr, String meta,
      String name, Info info) {
    if (doc != null) {
      if (!name.equals(doc.symbol())) {
        if (compat) {
          return null;
        }
        throw new CheckException(info.error("documentation comment is for '" + doc.symbol() + "'"));
      }
      if (!compat) {
        checkDocSections(doc, expr, meta);
      }
      return doc;
    }
    if (pragmas.docRequired()) {
      if (compat) {
        warnings.accept(info.warning("documentation comment required"));
      } else {
        throw new CheckException(info.error("documentation comment required"));
      }
    }
    return null;
  }

  /** {@code QAPIDoc.check_expr}. */
  private static void checkDocSections(DocBlock doc, QObject expr, String meta) {
    DocBlock.Section returns = doc.returnsSection();
    if (meta.equals("command")) {
      if (returns != null && !expr.has("returns")) {
        throw new CheckException(Diagnostic.error(returns.location(),
            "'Returns' section, but command doesn't return anything"));
      }
    } else {
      if (returns != null) {
        throw new CheckException(Diagnostic.error(returns.location(),
            "'Returns' section is only valid for commands"));
      }
      DocBlock.Section errors = doc.errorsSection();
      if (errors != null) {
        throw new CheckException(Diagnostic.error(errors.location(),
            "'Errors' section is only valid for commands"));
      }
    }
  }

  // ---- per-meta checks, in check_exprs order: keys, shape, then if, features, flags ----

  private EnumSpec enumSpec(QObject expr, Info info, String name, @Nullable DocBlock doc) {
    checkKeys(expr, info, "enum", List.of("enum", "data"), List.of("if", "features", "prefix"));
    QValue data = expr.get("data");
    QValue prefix = expr.get("prefix");
    if (!(data instanceof QList list)) {
      throw new CheckException(info.error("'data' must be an array"));
    }
    if (prefix != null && !(prefix instanceof QString)) {
      throw new CheckException(info.error("'prefix' must be a string"));
    }
    boolean permissive = memberNameExceptions.contains(name);
    List<ValueSpec> values = new ArrayList<>();
    for (QValue m : list.elements()) {
      QObject member = m instanceof QObject o ? o : QObject.of("name", m);
      String source = "'data' member";
      checkKeys(member, info, source, List.of("name"), List.of("if", "features"));
      if (!(member.get("name") instanceof QString memberName)) {
        throw new CheckException(info.error(source + " requires a string name"));
      }
      String valueName = memberName.value();
      source = source + " '" + valueName + "'";
      String checked = !valueName.isEmpty() && Character.isDigit(valueName.charAt(0))
          ? "d" + valueName : valueName;
      names.checkNameLower(checked, info, source, permissive, permissive);
      Condition cond = checkIf(member, info, source);
      List<FeatureSpec> features = checkFeatures(member.get("features"), info);
      values.add(new ValueSpec(valueName, cond, features));
    }
    Common common = common(expr, info, "enum", name, doc);
    return new EnumSpec(common, values, prefix instanceof QString p ? p.value() : null);
  }

  private StructSpec structSpec(QObject expr, Info info, String name, @Nullable DocBlock doc,
      String metaKey) {
    checkKeys(expr, info, "struct", List.of(metaKey, "data"), List.of("base", "if", "features"));
    List<MemberSpec> members = checkTypeImplicit(expr.get("data"), info, "'data'", name, name);
    QValue base = expr.get("base");
    checkTypeName(base, info, "'base'");
    Common common = common(expr, info, "struct", name, doc);
    return new StructSpec(common, base instanceof QString b ? b.value() : null,
        members == null ? List.of() : members);
  }

  private Specs.DefinitionSpec unionSpec(QObject expr, Info info, String name,
      @Nullable DocBlock doc) {
    if (compat && !expr.has("base") && expr.get("discriminator") instanceof QObject d
        && d.members().isEmpty()) {
      warnings.accept(info.warning(
          "anonymous union ('discriminator': {}) was replaced by 'alternate' in QEMU 2.4"));
      return alternateSpec(expr, info, name, doc, true);
    }
    if (compat && !expr.has("discriminator")) {
      return simpleUnionSpec(expr, info, name, doc);
    }
    checkKeys(expr, info, "union", List.of("union", "base", "discriminator", "data"),
        List.of("if", "features"));
    QValue base = expr.get("base");
    List<MemberSpec> inlineBase = null;
    if (base != null && !(base instanceof QString)) {
      inlineBase = checkTypeImplicit(base, info, "'base'", name, name + "-base");
    }
    if (!(expr.get("discriminator") instanceof QString disc)) {
      throw new CheckException(info.error("'discriminator' requires a string name"));
    }
    if (!(expr.get("data") instanceof QObject data)) {
      throw new CheckException(info.error("'data' must be an object"));
    }
    List<BranchSpec> branches = new ArrayList<>();
    for (Map.Entry<String, QValue> e : data.members().entrySet()) {
      String source = "'data' member '" + e.getKey() + "'";
      QObject value = normalizeMember(e.getValue());
      checkKeys(value, info, source, List.of("type"), List.of("if"));
      Condition cond = checkIf(value, info, source);
      QValue type = value.get("type");
      checkTypeName(type, info, source);
      branches.add(new BranchSpec(e.getKey(), new TypeRef.Named(((QString) type).value()), cond));
    }
    Common common = common(expr, info, "union", name, doc);
    return new UnionSpec(common, base instanceof QString b ? b.value() : null, inlineBase,
        disc.value(), branches, false);
  }

  /** A pre-6.2 simple union ({@code {'type': BRANCH, 'data': VALUE}} on the wire). */
  private UnionSpec simpleUnionSpec(QObject expr, Info info, String name, @Nullable DocBlock doc) {
    warnings.accept(info.warning("simple union (removed in QEMU 6.2)"));
    checkKeys(expr, info, "union", List.of("union", "data"), List.of("base", "if", "features"));
    QValue base = expr.get("base");
    checkTypeName(base, info, "'base'");
    if (!(expr.get("data") instanceof QObject data)) {
      throw new CheckException(info.error("'data' must be an object"));
    }
    List<BranchSpec> branches = new ArrayList<>();
    for (Map.Entry<String, QValue> e : data.members().entrySet()) {
      String source = "'data' member '" + e.getKey() + "'";
      names.checkNameLower(e.getKey(), info, source, false, false);
      QObject value = normalizeMember(e.getValue());
      checkKeys(value, info, source, List.of("type"), List.of("if"));
      Condition cond = checkIf(value, info, source);
      TypeRef type = typeRef(value.get("type"), info, source, name + "-" + e.getKey());
      branches.add(new BranchSpec(e.getKey(), type, cond));
    }
    Common common = common(expr, info, "union", name, doc);
    return new UnionSpec(common, base instanceof QString b ? b.value() : null, null, null,
        branches, true);
  }

  private AlternateSpec alternateSpec(QObject expr, Info info, String name,
      @Nullable DocBlock doc, boolean anonymousUnion) {
    if (anonymousUnion) {
      checkKeys(expr, info, "union", List.of("union", "discriminator", "data"),
          List.of("if", "features"));
    } else {
      checkKeys(expr, info, "alternate", List.of("alternate", "data"), List.of("if", "features"));
    }
    QValue data = expr.get("data");
    if (!truthy(data)) {
      throw new CheckException(info.error("'data' must not be empty"));
    }
    if (!(data instanceof QObject members)) {
      throw new CheckException(info.error("'data' must be an object"));
    }
    List<BranchSpec> branches = new ArrayList<>();
    for (Map.Entry<String, QValue> e : members.members().entrySet()) {
      String source = "'data' member '" + e.getKey() + "'";
      names.checkNameLower(e.getKey(), info, source, false, false);
      QObject value = normalizeMember(e.getValue());
      checkKeys(value, info, source, List.of("type"), List.of("if"));
      Condition cond = checkIf(value, info, source);
      QValue type = value.get("type");
      checkTypeNameOrArray(type, info, source);
      branches.add(new BranchSpec(e.getKey(), simpleTypeRef(type, info, source), cond));
    }
    Common common = common(expr, info, anonymousUnion ? "union" : "alternate", name, doc);
    return new AlternateSpec(common, branches, anonymousUnion);
  }

  private CommandSpec commandSpec(QObject expr, Info info, String name, @Nullable DocBlock doc) {
    checkKeys(expr, info, "command", List.of("command"), List.of("data", "returns", "boxed", "if",
        "features", "gen", "success-response", "allow-oob", "allow-preconfig", "coroutine"));
    QValue args = expr.get("data");
    QValue rets = expr.get("returns");
    ArgsSpec data = argsSpec(args, truthy(expr.get("boxed")), info, name);
    TypeRef returns = null;
    if (rets != null) {
      if (compat && rets instanceof QObject) {
        warnings.accept(info.warning("'returns' as an inline object was dropped in QEMU 2.5"));
        returns = new TypeRef.Inline(checkTypeImplicit(rets, info, "'returns'", null, name + "-ret"));
      } else {
        checkTypeNameOrArray(rets, info, "'returns'");
        returns = simpleTypeRef(rets, info, "'returns'");
      }
    }
    Common common = common(expr, info, "command", name, doc);
    Flags flags = checkFlags(expr, info);
    return new CommandSpec(common, data, returns, flags.boxed(), flags.gen(),
        flags.successResponse(), flags.allowOob(), flags.allowPreconfig(), flags.coroutine());
  }

  private EventSpec eventSpec(QObject expr, Info info, String name, @Nullable DocBlock doc) {
    checkKeys(expr, info, "event", List.of("event"), List.of("data", "boxed", "if", "features"));
    ArgsSpec data = argsSpec(expr.get("data"), truthy(expr.get("boxed")), info, name);
    Common common = common(expr, info, "event", name, doc);
    Flags flags = checkFlags(expr, info);
    return new EventSpec(common, data, flags.boxed());
  }

  private ArgsSpec argsSpec(@Nullable QValue args, boolean boxed, Info info, String name) {
    if (boxed) {
      if (args == null) {
        throw new CheckException(info.error("'boxed': true requires 'data'"));
      }
      checkTypeName(args, info, "'data'");
      return new ArgsSpec(((QString) args).value(), null);
    }
    if (args == null) {
      return ArgsSpec.NONE;
    }
    if (args instanceof QString s) {
      if (compat && LEGACY_ANY.contains(s.value())) {
        warnings.accept(info.warning("'data' uses pseudo-type '" + s.value()
            + "' (QEMU 2.4 and older): arguments not checked"));
        return ArgsSpec.NONE;
      }
      return new ArgsSpec(s.value(), null);
    }
    return new ArgsSpec(null, checkTypeImplicit(args, info, "'data'", null, name + "-arg"));
  }

  /** The end of {@code check_exprs}: if, features (flags are checked by the caller). */
  private Common common(QObject expr, Info info, String meta, String name, @Nullable DocBlock doc) {
    Condition cond = checkIf(expr, info, meta);
    List<FeatureSpec> features = checkFeatures(expr.get("features"), info);
    if (!meta.equals("command") && !meta.equals("event")) {
      checkFlags(expr, info);
    }
    return new Common(meta, name, info, doc, cond, features);
  }

  // ---- shared sub-checks ----

  /** {@code check_keys}. */
  private static void checkKeys(QObject value, Info info, String source, List<String> required,
      List<String> optional) {
    if (hasExactlyKnownKeys(value.members(), required, optional)) {
      return;
    }
    Set<String> missing = new TreeSet<>(required);
    missing.removeAll(value.members().keySet());
    if (!missing.isEmpty()) {
      throw new CheckException(info.error(source + " misses key" + (missing.size() > 1 ? "s " : " ")
          + quoted(missing)));
    }
    Set<String> allowed = new TreeSet<>(required);
    allowed.addAll(optional);
    Set<String> unknown = new TreeSet<>(value.members().keySet());
    unknown.removeAll(allowed);
    if (!unknown.isEmpty()) {
      throw new CheckException(info.error(source + " has unknown key" + (unknown.size() > 1 ? "s " : " ")
          + quoted(unknown) + "\nValid keys are " + quoted(allowed) + "."));
    }
  }

  /**
   * Whether every required key is present and every key is required or optional: what nearly
   * every value of a real schema passes, tested without building the sets the messages need.
   */
  private static boolean hasExactlyKnownKeys(Map<String, QValue> members, List<String> required,
      List<String> optional) {
    for (int i = 0; i < required.size(); i++) {
      if (!members.containsKey(required.get(i))) {
        return false;
      }
    }
    if (members.size() == required.size()) {
      return true;  // the required keys, and nothing else
    }
    for (String key : members.keySet()) {
      if (!required.contains(key) && !optional.contains(key)) {
        return false;
      }
    }
    return true;
  }

  private static String quoted(Set<String> names) {
    return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
  }

  /** {@code normalize_members} for one value: a non-object becomes {@code {'type': value}}. */
  private QObject normalizeMember(QValue value) {
    return value instanceof QObject o ? o : QObject.of("type", value);
  }

  /**
   * {@code check_type_implicit}: an inline members object. Returns the members, or {@code null}
   * when {@code value} is absent.
   *
   * @param owner the implicit type's name without {@code q_obj_}, for nested struct names
   */
  private @Nullable List<MemberSpec> checkTypeImplicit(@Nullable QValue value, Info info,
      String source, @Nullable String parentName, String owner) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof QObject obj)) {
      throw new CheckException(info.error(source + " should be an object or type name"));
    }
    boolean permissive = parentName != null && memberNameExceptions.contains(parentName);
    List<MemberSpec> members = new ArrayList<>();
    for (Map.Entry<String, QValue> e : obj.members().entrySet()) {
      String key = e.getKey();
      String keySource = source + " member '" + key + "'";
      boolean optional = key.startsWith("*");
      if (optional) {
        key = key.substring(1);
      }
      names.checkNameLower(key, info, keySource, permissive, permissive);
      if (key.equals("u") || CNames.cNameStartsWith(key, "has_")) {
        throw new CheckException(info.error(keySource + " uses reserved name"));
      }
      QValue raw = e.getValue();
      if (compat && raw instanceof QObject nested && isNestedStruct(nested)) {
        warnings.accept(info.warning(keySource
            + " is a nested struct type written in place (dropped in QEMU 2.4)"));
        List<MemberSpec> inner = nestedStruct(nested, info, keySource, parentName, owner + "-" + key);
        members.add(new MemberSpec(key, optional, new TypeRef.Inline(inner == null ? List.of() : inner),
            null, List.of()));
        continue;
      }
      QObject arg = normalizeMember(raw);
      checkKeys(arg, info, keySource, List.of("type"), List.of("if", "features"));
      Condition cond = checkIf(arg, info, keySource);
      List<FeatureSpec> features = checkFeatures(arg.get("features"), info);
      QValue type = arg.get("type");
      checkTypeNameOrArray(type, info, keySource);
      members.add(new MemberSpec(key, optional, simpleTypeRef(type, info, keySource), cond, features));
    }
    return members;
  }

  /** Reads a nested struct type written in place, bounding how deep they may nest. */
  private @Nullable List<MemberSpec> nestedStruct(QObject nested, Info info, String source,
      @Nullable String parentName, String owner) {
    if (nestedStructDepth >= MAX_NESTED_STRUCTS) {
      throw new CheckException(info.error(source + " nests struct types deeper than "
          + MAX_NESTED_STRUCTS + " levels"));
    }
    nestedStructDepth++;
    try {
      return checkTypeImplicit(nested, info, source, parentName, owner);
    } finally {
      nestedStructDepth--;
    }
  }

  /** A pre-2.4 nested struct: an object that is not the long member form. */
  private static boolean isNestedStruct(QObject value) {
    if (!value.has("type")) {
      return true;
    }
    for (String key : value.members().keySet()) {
      if (!key.equals("type") && !key.equals("if") && !key.equals("features")) {
        return true;
      }
    }
    return value.get("type") instanceof QObject;
  }

  /** {@code check_type_name}. */
  private static void checkTypeName(@Nullable QValue value, Info info, String source) {
    if (value != null && !(value instanceof QString)) {
      throw new CheckException(info.error(source + " should be a type name"));
    }
  }

  /** {@code check_type_name_or_array}. */
  private static void checkTypeNameOrArray(@Nullable QValue value, Info info, String source) {
    if (value == null || value instanceof QString) {
      return;
    }
    if (!(value instanceof QList list)) {
      throw new CheckException(info.error(source + " should be a type name or array"));
    }
    if (list.elements().size() != 1 || !(list.elements().get(0) instanceof QString)) {
      throw new CheckException(info.error(source + ": array type must contain single type name"));
    }
  }

  /** A simple union branch may be any type reference, even (compat) a nested struct. */
  private TypeRef typeRef(@Nullable QValue value, Info info, String source, String owner) {
    if (compat && value instanceof QObject nested) {
      List<MemberSpec> inner = nestedStruct(nested, info, source, null, owner);
      return new TypeRef.Inline(inner == null ? List.of() : inner);
    }
    checkTypeNameOrArray(value, info, source);
    return simpleTypeRef(value, info, source);
  }

  /** A checked name or one-element array; {@code '**'} and {@code 'visitor'} read as any. */
  private TypeRef simpleTypeRef(@Nullable QValue value, Info info, String source) {
    if (value instanceof QList list) {
      return new TypeRef.ArrayOf(legacyName(((QString) list.elements().get(0)).value(), info, source));
    }
    return new TypeRef.Named(legacyName(((QString) value).value(), info, source));
  }

  private String legacyName(String name, Info info, String source) {
    if (compat && LEGACY_ANY.contains(name)) {
      warnings.accept(info.warning(source + " uses pseudo-type '" + name
          + "' (QEMU 2.4 and older), read as 'any'"));
      return "any";
    }
    return name;
  }

  /** {@code check_features}. */
  private List<FeatureSpec> checkFeatures(@Nullable QValue features, Info info) {
    if (features == null) {
      return List.of();
    }
    if (!(features instanceof QList list)) {
      throw new CheckException(info.error("'features' must be an array"));
    }
    List<FeatureSpec> out = new ArrayList<>();
    for (QValue f : list.elements()) {
      QObject feat = f instanceof QObject o ? o : QObject.of("name", f);
      String source = "'features' member";
      checkKeys(feat, info, source, List.of("name"), List.of("if"));
      if (!(feat.get("name") instanceof QString name)) {
        throw new CheckException(info.error(source + " requires a string name"));
      }
      source = source + " '" + name.value() + "'";
      names.checkNameLower(name.value(), info, source, false, false);
      Condition cond = checkIf(feat, info, source);
      out.add(new FeatureSpec(name.value(), cond));
    }
    return out;
  }

  /** The effective values of a definition's flags. */
  private record Flags(boolean gen, boolean successResponse, boolean boxed, boolean allowOob,
      boolean allowPreconfig, boolean coroutine) {}

  /** {@code check_flags}; returns every flag's effective value. */
  private Flags checkFlags(QObject expr, Info info) {
    boolean gen = flag(expr, "gen", false, info);
    boolean successResponse = flag(expr, "success-response", false, info);
    boolean boxed = flag(expr, "boxed", true, info);
    boolean allowOob = flag(expr, "allow-oob", true, info);
    boolean allowPreconfig = flag(expr, "allow-preconfig", true, info);
    boolean coroutine = flag(expr, "coroutine", true, info);
    if (expr.has("allow-oob") && expr.has("coroutine")) {
      throw new CheckException(info.error("flags 'allow-oob' and 'coroutine' are incompatible"));
    }
    return new Flags(gen, successResponse, boxed, allowOob, allowPreconfig, coroutine);
  }

  /** One flag, which may only be {@code only}: its value, {@code !only} when absent. */
  private boolean flag(QObject expr, String key, boolean only, Info info) {
    QValue v = legacyFlag(expr, key, info);
    if (v != null && !(v instanceof QBool b && b.value() == only)) {
      String message = "flag '" + key + "' may only use " + only + " value";
      if (compat && v instanceof QBool) {
        warnings.accept(info.warning(message));
      } else {
        throw new CheckException(info.error(message));
      }
    }
    return v instanceof QBool b ? b.value() : !only;
  }

  /** Before QEMU 2.4 flags were strings ({@code 'gen': 'no'}); compat reads them as booleans. */
  private @Nullable QValue legacyFlag(QObject expr, String key, Info info) {
    QValue v = expr.get(key);
    if (compat && v instanceof QString s) {
      Boolean b = switch (s.value()) {
        case "no", "false" -> Boolean.FALSE;
        case "yes", "true" -> Boolean.TRUE;
        default -> null;
      };
      if (b != null) {
        warnings.accept(info.warning("flag '" + key + "' written as string '" + s.value()
            + "' (QEMU 2.3 and older)"));
        return b ? QBool.TRUE : QBool.FALSE;
      }
    }
    return v;
  }

  /** {@code check_if}; returns the condition. */
  private @Nullable Condition checkIf(QObject expr, Info info, String source) {
    QValue cond = expr.get("if");
    if (cond == null) {
      return null;
    }
    if (compat) {
      Condition legacy = legacyCondition(cond, info, source);
      if (legacy != null) {
        return legacy;
      }
    }
    return condition(cond, info, source);
  }

  private Condition condition(QValue cond, Info info, String source) {
    if (cond instanceof QString s) {
      if (!NameRules.isConditionSymbol(s.value())) {
        throw new CheckException(info.error(
            "'if' condition '" + s.value() + "' of " + source + " is not a valid identifier"));
      }
      return new Condition.Symbol(s.value());
    }
    if (!(cond instanceof QObject obj)) {
      throw new CheckException(info.error(
          "'if' condition of " + source + " must be a string or an object"));
    }
    checkKeys(obj, info, "'if' condition of " + source, List.of(), List.of("all", "any", "not"));
    if (obj.members().size() != 1) {
      throw new CheckException(info.error("'if' condition of " + source + " has conflicting keys"));
    }
    if (obj.has("not")) {
      return new Condition.Not(condition(obj.get("not"), info, source));
    }
    String op = obj.has("all") ? "all" : "any";
    if (!(obj.get(op) instanceof QList operands)) {
      throw new CheckException(info.error(
          "'" + op + "' condition of " + source + " must be an array"));
    }
    if (operands.elements().isEmpty()) {
      throw new CheckException(info.error("'if' condition [] of " + source + " is useless"));
    }
    List<Condition> out = new ArrayList<>();
    for (QValue operand : operands.elements()) {
      out.add(condition(operand, info, source));
    }
    return op.equals("all") ? new Condition.All(out) : new Condition.Any(out);
  }

  /** Pre-6.2 conditions: a C expression string, or a list of them meaning all. */
  private @Nullable Condition legacyCondition(QValue cond, Info info, String source) {
    if (cond instanceof QString s && !NameRules.isConditionSymbol(s.value())) {
      warnings.accept(info.warning("'if' condition '" + s.value() + "' of " + source
          + " is a C preprocessor expression (QEMU 3.0 to 6.1)"));
      return new Condition.CExpression(s.value());
    }
    if (cond instanceof QList list && !list.elements().isEmpty()
        && list.elements().stream().allMatch(QString.class::isInstance)) {
      warnings.accept(info.warning("'if' condition of " + source
          + " is a list of C preprocessor expressions (QEMU 3.0 to 6.1)"));
      List<Condition> out = new ArrayList<>();
      for (QValue v : list.elements()) {
        out.add(new Condition.CExpression(((QString) v).value()));
      }
      return new Condition.All(out);
    }
    return null;
  }

  /** Python truthiness of an expression value. */
  private static boolean truthy(@Nullable QValue v) {
    if (v == null) {
      return false;
    }
    if (v instanceof QBool b) {
      return b.value();
    }
    if (v instanceof QString s) {
      return !s.value().isEmpty();
    }
    if (v instanceof QList l) {
      return !l.elements().isEmpty();
    }
    if (v instanceof QObject o) {
      return !o.members().isEmpty();
    }
    return false;
  }
}
