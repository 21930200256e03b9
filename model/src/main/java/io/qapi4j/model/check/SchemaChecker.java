package io.qapi4j.model.check;

import io.qapi4j.model.Diagnostic;
import io.qapi4j.model.Pragmas;
import io.qapi4j.model.Schema;
import io.qapi4j.model.SchemaResult;
import io.qapi4j.model.SourceLocation;
import io.qapi4j.model.check.Entities.AlternateEnt;
import io.qapi4j.model.check.Entities.ArrayEnt;
import io.qapi4j.model.check.Entities.Branches;
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
import io.qapi4j.model.check.Specs.AlternateSpec;
import io.qapi4j.model.check.Specs.ArgsSpec;
import io.qapi4j.model.check.Specs.BranchSpec;
import io.qapi4j.model.check.Specs.CommandSpec;
import io.qapi4j.model.check.Specs.DefinitionSpec;
import io.qapi4j.model.check.Specs.EnumSpec;
import io.qapi4j.model.check.Specs.EventSpec;
import io.qapi4j.model.check.Specs.FeatureSpec;
import io.qapi4j.model.check.Specs.MemberSpec;
import io.qapi4j.model.check.Specs.StructSpec;
import io.qapi4j.model.check.Specs.TypeRef;
import io.qapi4j.model.check.Specs.UnionSpec;
import io.qapi4j.model.parse.DocBlock;
import io.qapi4j.model.parse.Dialect;
import io.qapi4j.model.parse.ParsedExpression;
import io.qapi4j.model.parse.ParsedSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The check stage, QEMU's {@code QAPISchema} constructor: expression checks, definition of the
 * entities (built-ins, implicit types, duplicates), then each entity's check and documentation,
 * the documentation blocks, and the 64-feature limit — in QEMU's order.
 *
 * <p>Unlike QEMU it does not stop at the first error: it records it, skips what depends on the
 * broken definition (so one mistake is reported once), and goes on. The first error reported is
 * the one QEMU reports.
 */
public final class SchemaChecker implements Entities.Context {

  private static final String[][] BUILTINS = {
    {"str", "string"}, {"number", "number"}, {"int", "int"}, {"int8", "int"}, {"int16", "int"},
    {"int32", "int"}, {"int64", "int"}, {"uint8", "int"}, {"uint16", "int"}, {"uint32", "int"},
    {"uint64", "int"}, {"size", "int"}, {"bool", "boolean"}, {"any", "value"}, {"null", "null"},
  };

  private final boolean compat;
  private final ParsedSchema parsed;
  private final Pragmas pragmas;
  /** The pragmas' lists as sets: looked up for every command and every undocumented member. */
  private final Set<String> commandReturnsExceptions;
  private final Set<@Nullable String> documentationExceptions;
  private final List<Diagnostic> errors = new ArrayList<>();
  private final List<Diagnostic> warnings = new ArrayList<>();
  private final List<Entity> entityList = new ArrayList<>();
  private final Map<String, Entity> entityDict = new LinkedHashMap<>();
  private final Map<String, @Nullable Info> featureDict = new LinkedHashMap<>();
  private final Set<String> rejected = new HashSet<>();
  /** Documentation blocks whose connection failed: QEMU would have stopped there. */
  private final Set<DocBlock> brokenDocs = new HashSet<>();
  /**
   * The definition context of each source line. QEMU keeps one source-position object per line,
   * and checking a definition names that object ({@code set_defn}) in place, so definitions that
   * begin on the same line share it: every later message about any of them says "In META 'NAME'"
   * of the last one, and describes the others' members as "of type 'X'".
   */
  private final Map<SourceLocation, Info> lineContext = new HashMap<>();

  private SchemaChecker(ParsedSchema parsed, Dialect dialect) {
    this.parsed = parsed;
    this.compat = dialect == Dialect.COMPAT;
    this.pragmas = parsed.pragmas();
    this.commandReturnsExceptions = new HashSet<>(pragmas.commandReturnsExceptions());
    this.documentationExceptions = new HashSet<>(pragmas.documentationExceptions());
    warnings.addAll(parsed.warnings());
  }

  /** Checks a parsed schema and builds the model. */
  public static SchemaResult check(ParsedSchema parsed, Dialect dialect) {
    try {
      return new SchemaChecker(parsed, dialect).run();
    } catch (StackOverflowError e) {
      // Only a hostile schema gets here: bases or unions chained thousands of levels deep.
      String file = parsed.modules().isEmpty() ? "" : parsed.modules().get(0).path();
      return new SchemaResult(null, List.of(Diagnostic.error(new SourceLocation(file, 0, 0, null),
          "schema nested too deeply to check (bases or branches chained thousands of levels deep)")),
          parsed.warnings());
    }
  }

  private SchemaResult run() {
    List<DefinitionSpec> specs = checkExpressions();
    featureDict.put("deprecated", null);
    featureDict.put("unstable", null);
    definePredefineds();
    for (DefinitionSpec spec : specs) {
      define(spec);
    }
    checkEntities();
    if (!compat) {
      checkDocs();
    }
    checkFeatureLimit();
    Schema schema = new ModelFreezer(entityList, parsed.modules(), pragmas).freeze();
    return new SchemaResult(schema, errors, warnings);
  }

  // ---------------------------------------------------------------- phase 1: expressions

  private List<DefinitionSpec> checkExpressions() {
    ExpressionChecker checker = new ExpressionChecker(compat, pragmas, warnings::add);
    List<DefinitionSpec> specs = new ArrayList<>();
    for (ParsedExpression expr : parsed.expressions()) {
      ExpressionChecker.Outcome outcome = checker.check(expr);
      if (outcome.error() != null) {
        errors.add(outcome.error());
        if (outcome.name() != null) {
          rejected.add(outcome.name());
        }
      } else if (outcome.spec() != null) {
        specs.add(outcome.spec());
        Info info = outcome.spec().common().info();
        lineContext.put(info.location(), info);
      }
    }
    return specs;
  }

  // ---------------------------------------------------------------- phase 2: definitions

  private void definePredefineds() {
    for (String[] b : BUILTINS) {
      addEntity(new BuiltinEnt(b[0], b[1]));
      makeArrayType(b[0], null);
    }
    addEntity(new ObjectEnt("q_empty", null, null, null, List.of(), null, List.of(), null));
    List<ValueEnt> qtypes = new ArrayList<>();
    for (String q : List.of("none", "qnull", "qnum", "qstring", "qdict", "qlist", "qbool")) {
      qtypes.add(new ValueEnt(q, null, null, List.of()));
    }
    addEntity(new EnumEnt("QType", null, null, null, List.of(), qtypes, "QTYPE", true));
  }

  private void define(DefinitionSpec spec) {
    try {
      if (spec instanceof EnumSpec e) {
        defineEnum(e);
      } else if (spec instanceof StructSpec s) {
        Info info = lineInfo(s);
        List<FeatureEnt> features = makeFeatures(s.common().features(), info);
        List<ObjectMemberEnt> members = makeMembers(s.members(), info, s.common().name());
        addDefinition(new ObjectEnt(s.common().name(), info, s.common().doc(),
            s.common().condition(), features, s.base(), members, null));
      } else if (spec instanceof UnionSpec u) {
        defineUnion(u);
      } else if (spec instanceof AlternateSpec a) {
        Info info = lineInfo(a);
        List<FeatureEnt> features = makeFeatures(a.common().features(), info);
        List<VariantEnt> variants = makeVariants(a.branches(), info, a.common().name());
        addDefinition(new AlternateEnt(a.common().name(), info, a.common().doc(),
            a.common().condition(), features, variants, a.anonymousUnion()));
      } else if (spec instanceof CommandSpec c) {
        Info info = lineInfo(c);
        String name = c.common().name();
        List<FeatureEnt> features = makeFeatures(c.common().features(), info);
        String argType = argType(c.data(), name, info, c.common());
        String retType = c.returns() == null ? null : typeName(c.returns(), info, name, "ret");
        addDefinition(new CommandEnt(name, info, c.common().doc(), c.common().condition(),
            features, argType, retType, c.gen(), c.successResponse(), c.boxed(), c.allowOob(),
            c.allowPreconfig(), c.coroutine()));
      } else if (spec instanceof EventSpec ev) {
        Info info = lineInfo(ev);
        String name = ev.common().name();
        List<FeatureEnt> features = makeFeatures(ev.common().features(), info);
        String argType = argType(ev.data(), name, info, ev.common());
        addDefinition(new EventEnt(name, info, ev.common().doc(), ev.common().condition(),
            features, argType, ev.boxed()));
      }
    } catch (CheckException e) {
      errors.add(e.diagnostic());
    }
  }

  /** The context messages about {@code spec} are given: see {@link #lineContext}. */
  private Info lineInfo(DefinitionSpec spec) {
    Info own = spec.common().info();
    return lineContext.getOrDefault(own.location(), own);
  }

  private void defineEnum(EnumSpec e) {
    Info info = lineInfo(e);
    List<FeatureEnt> features = makeFeatures(e.common().features(), info);
    List<ValueEnt> values = new ArrayList<>();
    for (Specs.ValueSpec v : e.values()) {
      values.add(new ValueEnt(v.name(), info, v.condition(), makeFeatures(v.features(), info)));
    }
    addDefinition(new EnumEnt(e.common().name(), info, e.common().doc(), e.common().condition(),
        features, values, e.prefix(), false));
  }

  private void defineUnion(UnionSpec u) {
    Info info = lineInfo(u);
    String name = u.common().name();
    List<FeatureEnt> features = makeFeatures(u.common().features(), info);
    if (u.simple()) {
      List<ValueEnt> kinds = new ArrayList<>();
      for (BranchSpec b : u.branches()) {
        kinds.add(new ValueEnt(b.name(), info, b.condition(), List.of()));
      }
      EnumEnt kindEnum = new EnumEnt(name + "Kind", info, null, u.common().condition(), List.of(),
          kinds, null, true);
      addDefinition(kindEnum);
      List<VariantEnt> variants = makeVariants(u.branches(), info, name);
      addDefinition(new SimpleUnionEnt(name, info, u.common().doc(), u.common().condition(),
          features, u.baseName(), variants, kindEnum));
      return;
    }
    String base = u.baseName();
    if (u.inlineBase() != null) {
      base = makeImplicitObjectType(name, info, u.common(), "base",
          makeMembers(u.inlineBase(), info, name + "-base"));
    }
    List<VariantEnt> variants = makeVariants(u.branches(), info, name);
    addDefinition(new ObjectEnt(name, info, u.common().doc(), u.common().condition(), features,
        base, List.of(), new Branches(info, variants, u.discriminator() == null ? "" : u.discriminator())));
  }

  private @Nullable String argType(ArgsSpec data, String name, Info info, Specs.Common common) {
    if (data.inline() != null) {
      return makeImplicitObjectType(name, info, common, "arg",
          makeMembers(data.inline(), info, name + "-arg"));
    }
    return data.typeName();
  }

  private List<FeatureEnt> makeFeatures(List<FeatureSpec> specs, Info info) {
    List<FeatureEnt> out = new ArrayList<>();
    for (FeatureSpec f : specs) {
      featureDict.putIfAbsent(f.name(), info);
      out.add(new FeatureEnt(f.name(), info, f.condition()));
    }
    return out;
  }

  private List<ObjectMemberEnt> makeMembers(List<MemberSpec> specs, Info info, String owner) {
    List<ObjectMemberEnt> out = new ArrayList<>();
    for (MemberSpec m : specs) {
      String type = typeName(m.type(), info, owner, m.name());
      List<FeatureEnt> features = makeFeatures(m.features(), info);
      ObjectMemberEnt member = new ObjectMemberEnt(m.name(), info, type, m.optional(),
          m.condition(), features, "member");
      features.forEach(f -> f.definedIn = m.name());
      out.add(member);
    }
    return out;
  }

  private List<VariantEnt> makeVariants(List<BranchSpec> specs, Info info, String owner) {
    List<VariantEnt> out = new ArrayList<>();
    for (BranchSpec b : specs) {
      out.add(new VariantEnt(b.name(), info, typeName(b.type(), info, owner, b.name()),
          b.condition()));
    }
    return out;
  }

  /**
   * The type name a reference denotes, defining array and (compat) nested implicit types; a
   * nested type is named after {@code owner} and {@code part}, joined only when there is one.
   */
  private String typeName(TypeRef ref, Info info, String owner, String part) {
    if (ref instanceof TypeRef.Named n) {
      return n.name();
    }
    if (ref instanceof TypeRef.ArrayOf a) {
      return makeArrayType(a.element(), info);
    }
    List<MemberSpec> members = ((TypeRef.Inline) ref).members();
    String nested = owner + "-" + part;
    String name = "q_obj_" + nested;
    if (lookupEntity(name) == null) {
      addDefinition(new ObjectEnt(name, info, null, null, List.of(), null,
          makeMembers(members, info, nested), null));
    }
    return name;
  }

  private String makeArrayType(String element, @Nullable Info info) {
    String name = element + "List";
    if (!(lookupEntity(name) instanceof TypeEnt)) {
      addDefinition(new ArrayEnt(name, info, element));
    }
    return name;
  }

  private @Nullable String makeImplicitObjectType(String name, Info info, Specs.Common common,
      String role, List<ObjectMemberEnt> members) {
    if (members.isEmpty()) {
      return null;
    }
    String typeName = "q_obj_" + name + "-" + role;
    if (lookupEntity(typeName) == null) {
      addDefinition(new ObjectEnt(typeName, info, null, common.condition(), List.of(), null,
          members, null));
    }
    return typeName;
  }

  private void addEntity(Entity e) {
    entityList.add(e);
    entityDict.put(e.name, e);
  }

  /** QEMU's {@code _def_definition}: a second definition of a name is an error. */
  private void addDefinition(Entity e) {
    Entity other = entityDict.get(e.name);
    if (other != null) {
      if (other.info != null) {
        throw new CheckException(Entities.error(e.info, "'" + e.name + "' is already defined\n"
            + other.info.render() + ": previous definition").diagnostic());
      }
      throw new CheckException(Entities.error(e.info, other.describe() + " is already defined")
          .diagnostic());
    }
    addEntity(e);
  }

  // ---------------------------------------------------------------- phase 3: entity checks

  private void checkEntities() {
    for (Entity e : List.copyOf(entityList)) {
      if (e.failed) {
        continue;
      }
      try {
        if (!(e instanceof ObjectEnt o && o.checkComplete)) {
          checkOne(e);
        }
      } catch (CheckException ex) {
        e.failed = true;
        errors.add(ex.diagnostic());
        continue;
      } catch (CheckException.Poisoned ex) {
        e.failed = true;
        continue;
      }
      try {
        e.connectDoc(null, this);
      } catch (CheckException ex) {
        if (!compat) {
          errors.add(ex.diagnostic());
        }
        if (e.doc != null) {
          brokenDocs.add(e.doc);
        }
      }
    }
  }

  private void checkOne(Entity e) {
    try {
      e.check(this);
    } catch (RuntimeException ex) {
      e.failed = true;
      throw ex;
    }
  }

  @Override
  public TypeEnt resolveType(String name, @Nullable Info info, String what) {
    Entity e = entityDict.get(name);
    if (e instanceof TypeEnt t) {
      return t;
    }
    if (e == null && rejected.contains(name)) {
      throw new CheckException.Poisoned();
    }
    throw new CheckException(Entities.error(info, what + " uses unknown type '" + name + "'")
        .diagnostic());
  }

  @Override
  public @Nullable Entity lookupEntity(String name) {
    return entityDict.get(name);
  }

  @Override
  public boolean compat() {
    return compat;
  }

  @Override
  public void warn(Diagnostic warning) {
    warnings.add(warning);
  }

  @Override
  public boolean isCommandReturnsException(String command) {
    return commandReturnsExceptions.contains(command);
  }

  @Override
  public boolean isDocumentationException(@Nullable String definition) {
    return documentationExceptions.contains(definition);
  }

  // ---------------------------------------------------------------- phase 4: docs, features

  private void checkDocs() {
    for (DocBlock doc : parsed.docs()) {
      if (brokenDocs.contains(doc)) {
        // Its members were never all connected; reporting them as bogus would be a false alarm.
        continue;
      }
      Diagnostic bogus = bogus(doc.args(), "member");
      if (bogus == null) {
        bogus = bogus(doc.features(), "feature");
      }
      if (bogus != null) {
        errors.add(bogus);
      }
    }
  }

  /** QEMU's {@code check_args_section}: descriptions of things that do not exist. */
  private static @Nullable Diagnostic bogus(Map<String, DocBlock.Section> sections, String what) {
    List<String> names = sections.entrySet().stream().filter(e -> !e.getValue().connected())
        .map(Map.Entry::getKey).toList();
    if (names.isEmpty()) {
      return null;
    }
    boolean plural = names.size() > 1;
    return Diagnostic.error(sections.get(names.get(0)).location(), "documented " + what
        + (plural ? "s" : "") + " '" + String.join("', '", names) + "' "
        + (plural ? "do" : "does") + " not exist");
  }

  private void checkFeatureLimit() {
    List<Map.Entry<String, @Nullable Info>> features = new ArrayList<>(featureDict.entrySet());
    if (features.size() > 64) {
      Info info = features.get(64).getValue();
      errors.add(Entities.error(info, "Maximum of 64 schema features is permitted").diagnostic());
    }
  }

  @Override
  public String toString() {
    return entityList.stream().map(e -> e.name).collect(Collectors.joining(","));
  }
}
