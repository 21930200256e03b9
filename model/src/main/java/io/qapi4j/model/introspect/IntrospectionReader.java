package io.qapi4j.model.introspect;

import io.qapi4j.model.AlternateType;
import io.qapi4j.model.ArrayType;
import io.qapi4j.model.Branch;
import io.qapi4j.model.BuiltinType;
import io.qapi4j.model.Command;
import io.qapi4j.model.Definition;
import io.qapi4j.model.Diagnostic;
import io.qapi4j.model.EnumType;
import io.qapi4j.model.EnumValue;
import io.qapi4j.model.Event;
import io.qapi4j.model.Feature;
import io.qapi4j.model.Member;
import io.qapi4j.model.ObjectType;
import io.qapi4j.model.Pragmas;
import io.qapi4j.model.QapiType;
import io.qapi4j.model.Schema;
import io.qapi4j.model.SchemaResult;
import io.qapi4j.model.SourceLocation;
import io.qapi4j.model.StructType;
import io.qapi4j.model.UnionType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a {@code query-qmp-schema} result — the SchemaInfo array, or a whole reply {@code
 * {"return": [...]}} — into the model, so a live QEMU (or a capture that holds its reply) can serve
 * as the schema to validate against.
 *
 * <p>What introspection does not show cannot come back: type names stay masked ({@code "12"}),
 * every integer type is {@code int}, bases are flattened (a union's common members become an
 * implicit base {@code q_obj_NAME-base}), alternate branch names are unknown (each branch is named
 * after its type), and command flags other than {@code allow-oob} take their defaults. An array
 * type {@code "[T]"} becomes the model's {@code TList}.
 *
 * <p>Malformed input yields errors with the position of the offending entry ({@code SOURCE:INDEX}
 * as file and line), never an exception.
 */
public final class IntrospectionReader {

  private final String source;
  private final List<Diagnostic> errors = new ArrayList<>();
  private final Map<String, JsonNode> typeEntries = new LinkedHashMap<>();
  private final Map<String, Integer> entryIndex = new HashMap<>();
  private final Map<String, QapiType> built = new HashMap<>();
  private final List<ArrayType> arrays = new ArrayList<>();

  private IntrospectionReader(String source) {
    this.source = source;
  }

  /**
   * Reads {@code info}: a SchemaInfo array or a reply object holding one under {@code "return"}.
   *
   * @param source a name for messages, e.g. the capture file
   */
  public static SchemaResult read(JsonNode info, String source) {
    return new IntrospectionReader(source).run(info);
  }

  private SchemaResult run(JsonNode info) {
    JsonNode list = info.isObject() && info.has("return") ? info.get("return") : info;
    if (!list.isArray()) {
      errors.add(Diagnostic.error(new SourceLocation(source, 1, 0, null),
          "introspection must be a SchemaInfo array or a reply holding one under 'return'"));
      return new SchemaResult(null, errors, List.of());
    }
    List<JsonNode> entries = new ArrayList<>();
    list.forEach(entries::add);
    for (int i = 0; i < entries.size(); i++) {
      JsonNode e = entries.get(i);
      String name = text(e, "name", i);
      String meta = text(e, "meta-type", i);
      if (name == null || meta == null) {
        continue;
      }
      if (!meta.equals("command") && !meta.equals("event")) {
        typeEntries.put(name, e);
        entryIndex.put(name, i);
      }
    }
    List<Definition> definitions = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      JsonNode e = entries.get(i);
      String meta = e.path("meta-type").asString("");
      String name = e.path("name").asString("");
      if (meta.equals("command")) {
        Command c = command(e, name, i);
        if (c != null) {
          definitions.add(c);
        }
      } else if (meta.equals("event")) {
        Event ev = event(e, name, i);
        if (ev != null) {
          definitions.add(ev);
        }
      }
    }
    for (String name : typeEntries.keySet()) {
      if (type(name, entryIndex.get(name)) instanceof Definition d && !definitions.contains(d)) {
        definitions.add(d);
      }
    }
    Schema schema = Schema.of(definitions, arrays, List.of(), Pragmas.NONE);
    return new SchemaResult(schema, errors, List.of());
  }

  private SourceLocation at(int index) {
    return new SourceLocation(source, index + 1, 0, null);
  }

  private @Nullable String text(JsonNode e, String key, int index) {
    JsonNode v = e.get(key);
    if (v == null || !v.isString()) {
      errors.add(Diagnostic.error(at(index), "SchemaInfo entry lacks string member '" + key + "'"));
      return null;
    }
    return v.asString();
  }

  /** The model's name for an introspected type name ({@code "[5]"} becomes {@code 5List}). */
  private static String modelName(String name) {
    if (name.startsWith("[") && name.endsWith("]")) {
      return modelName(name.substring(1, name.length() - 1)) + "List";
    }
    return name;
  }

  private @Nullable QapiType type(String name, int fromIndex) {
    if (name.startsWith("[") && name.endsWith("]")) {
      String element = name.substring(1, name.length() - 1);
      if (type(element, fromIndex) == null) {
        return null;
      }
      ArrayType a = ArrayType.of(modelName(element));
      if (!arrays.contains(a)) {
        arrays.add(a);
      }
      return a;
    }
    JsonNode e = typeEntries.get(name);
    if (e == null) {
      if (BuiltinType.named(name).isPresent()) {
        return BuiltinType.named(name).get();
      }
      errors.add(Diagnostic.error(at(fromIndex), "unknown type '" + name + "'"));
      return null;
    }
    QapiType done = built.get(name);
    if (done != null) {
      return done;
    }
    int index = entryIndex.get(name);
    QapiType t = switch (e.path("meta-type").asString("")) {
      case "builtin" -> builtin(e, name, index);
      case "enum" -> enumType(e, name, index);
      case "array" -> type("[" + e.path("element-type").asString("") + "]", index);
      case "object" -> objectType(e, name, index);
      case "alternate" -> alternate(e, name, index);
      default -> {
        errors.add(Diagnostic.error(at(index), "unknown meta-type '" + e.path("meta-type").asString("") + "'"));
        yield null;
      }
    };
    if (t != null) {
      built.put(name, t);
    }
    return t;
  }

  /**
   * Whether {@code name} names a type. Members refer to types by name, so only their existence is
   * checked here; building them would recurse forever on types that contain themselves.
   */
  private boolean exists(String name, int fromIndex) {
    if (name.startsWith("[") && name.endsWith("]")) {
      if (!exists(name.substring(1, name.length() - 1), fromIndex)) {
        return false;
      }
      ArrayType a = ArrayType.of(modelName(name.substring(1, name.length() - 1)));
      if (!arrays.contains(a)) {
        arrays.add(a);
      }
      return true;
    }
    if (typeEntries.containsKey(name) || BuiltinType.named(name).isPresent()) {
      return true;
    }
    errors.add(Diagnostic.error(at(fromIndex), "unknown type '" + name + "'"));
    return false;
  }

  private @Nullable QapiType builtin(JsonNode e, String name, int index) {
    return BuiltinType.named(name).orElseGet(() -> {
      errors.add(Diagnostic.error(at(index), "unknown built-in type '" + name + "'"));
      return null;
    });
  }

  private EnumType enumType(JsonNode e, String name, int index) {
    List<EnumValue> values = new ArrayList<>();
    if (e.has("members")) {
      for (JsonNode m : e.get("members")) {
        values.add(new EnumValue(m.path("name").asString(""), null, features(m)));
      }
    } else {
      for (JsonNode v : e.path("values")) {
        values.add(EnumValue.of(v.asString("")));
      }
    }
    return new EnumType(name, values, null, null, features(e), null, at(index), false);
  }

  private @Nullable ObjectType objectType(JsonNode e, String name, int index) {
    List<Member> members = new ArrayList<>();
    for (JsonNode m : e.path("members")) {
      String type = m.path("type").asString("");
      if (!exists(type, index)) {
        return null;
      }
      members.add(new Member(m.path("name").asString(""), modelName(type), m.has("default"), null,
          features(m)));
    }
    if (!e.has("tag")) {
      return new StructType(name, null, members, null, features(e), null, at(index), false);
    }
    String tag = e.path("tag").asString("");
    StructType base = new StructType("q_obj_" + name + "-base", null, members, null, List.of(), null,
        at(index), true);
    EnumType tagType = base.member(tag)
        .map(m -> typeEntries.containsKey(m.type()) ? type(m.type(), index) : null)
        .filter(EnumType.class::isInstance).map(EnumType.class::cast).orElse(null);
    if (tagType == null) {
      errors.add(Diagnostic.error(at(index), "tag '" + tag + "' of '" + name + "' is not an enum member"));
      return null;
    }
    List<Branch> branches = new ArrayList<>();
    for (JsonNode v : e.path("variants")) {
      String type = v.path("type").asString("");
      if (!exists(type, index)) {
        return null;
      }
      branches.add(Branch.of(v.path("case").asString(""), modelName(type)));
    }
    return new UnionType(name, UnionType.Kind.FLAT, base, tag, tagType, branches, null, features(e),
        null, at(index));
  }

  private @Nullable AlternateType alternate(JsonNode e, String name, int index) {
    List<Branch> branches = new ArrayList<>();
    for (JsonNode m : e.path("members")) {
      String type = m.path("type").asString("");
      if (!exists(type, index)) {
        return null;
      }
      branches.add(Branch.of(modelName(type), modelName(type)));
    }
    return new AlternateType(name, branches, false, null, features(e), null, at(index));
  }

  private @Nullable Command command(JsonNode e, String name, int index) {
    ObjectType args = objectRef(e, "arg-type", name, index);
    String ret = e.path("ret-type").asString("");
    QapiType returns = type(ret, index);
    if (args == null || returns == null) {
      return null;
    }
    boolean oob = e.path("allow-oob").asBoolean(false);
    return new Command(name, args, returns, false, true, true, oob, false, false, null, features(e),
        null, at(index));
  }

  private @Nullable Event event(JsonNode e, String name, int index) {
    ObjectType data = objectRef(e, "arg-type", name, index);
    if (data == null) {
      return null;
    }
    return new Event(name, data, false, null, features(e), null, at(index));
  }

  private @Nullable ObjectType objectRef(JsonNode e, String key, String owner, int index) {
    String name = e.path(key).asString("");
    QapiType t = type(name, index);
    if (t == null) {
      return null;
    }
    if (!(t instanceof ObjectType o)) {
      errors.add(Diagnostic.error(at(index), key + " of '" + owner + "' is not an object type"));
      return null;
    }
    return o;
  }

  private static List<Feature> features(JsonNode e) {
    List<Feature> out = new ArrayList<>();
    for (JsonNode f : e.path("features")) {
      out.add(Feature.of(f.asString("")));
    }
    return out;
  }
}
