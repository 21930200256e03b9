package io.qapi4j.model.introspect;

import io.qapi4j.model.AlternateType;
import io.qapi4j.model.ArrayType;
import io.qapi4j.model.Branch;
import io.qapi4j.model.BuiltinType;
import io.qapi4j.model.Command;
import io.qapi4j.model.Condition;
import io.qapi4j.model.Definition;
import io.qapi4j.model.EnumType;
import io.qapi4j.model.EnumValue;
import io.qapi4j.model.Event;
import io.qapi4j.model.Feature;
import io.qapi4j.model.JsonType;
import io.qapi4j.model.Member;
import io.qapi4j.model.Module;
import io.qapi4j.model.QapiType;
import io.qapi4j.model.Schema;
import io.qapi4j.model.StructType;
import io.qapi4j.model.UnionType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the SchemaInfo list that {@code query-qmp-schema} returns for a schema, exactly as QEMU's
 * {@code qapi/introspect.py} generates it: commands and events in module order, then the types
 * they use in order of first use; type names masked as {@code "0"}, {@code "1"}, ... unless
 * unmasked; every integer type shown as {@code int}; flattened object members; union variants
 * including the implicit empty branches; simple unions (before 6.2) with their wrapper objects.
 *
 * <p>Conditions are resolved like a build of QEMU: names are assigned over the whole schema (as
 * {@code qapi-gen} does), then entries whose {@code 'if'} is false are left out. Object keys come
 * out sorted.
 *
 * <pre>{@code
 * ArrayNode info = IntrospectionWriter.builder().defined(Set.of("CONFIG_SPICE")::contains).build()
 *     .write(schema);
 * }</pre>
 */
public final class IntrospectionWriter {

  private final boolean unmask;
  private final @Nullable Predicate<String> defined;

  private IntrospectionWriter(Builder b) {
    this.unmask = b.unmask;
    this.defined = b.defined;
  }

  /** A builder; by default names are masked and every condition holds. */
  public static Builder builder() {
    return new Builder();
  }

  /** Configures an {@link IntrospectionWriter}. */
  public static final class Builder {
    private boolean unmask;
    private @Nullable Predicate<String> defined;

    private Builder() {}

    /** Keep real type names instead of {@code "0"}, {@code "1"}, ... ({@code qapi-gen -u}). */
    public Builder unmask(boolean unmask) {
      this.unmask = unmask;
      return this;
    }

    /**
     * Resolve {@code 'if'} conditions: only the symbols {@code defined} accepts are set. Without
     * this every condition holds (everything is listed).
     */
    public Builder defined(Predicate<String> defined) {
      this.defined = defined;
      return this;
    }

    /** Builds the writer. */
    public IntrospectionWriter build() {
      return new IntrospectionWriter(this);
    }
  }

  /** The SchemaInfo list for {@code schema}. */
  public ArrayNode write(Schema schema) {
    return new Run(schema).write();
  }

  /** State of one write: QEMU's visitor fields. */
  private final class Run {
    private final Schema schema;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final List<QapiType> usedTypes = new ArrayList<>();
    private final Set<String> usedNames = new HashSet<>();
    private final Map<String, String> nameMap = new HashMap<>();
    private final ArrayNode trees = nodes.arrayNode();
    private final Map<String, StructType> wrappers = new HashMap<>();

    Run(Schema schema) {
      this.schema = schema;
    }

    ArrayNode write() {
      for (Definition d : commandsAndEventsInModuleOrder()) {
        if (d instanceof Command c) {
          visitCommand(c);
        } else if (d instanceof Event e) {
          visitEvent(e);
        }
      }
      for (int i = 0; i < usedTypes.size(); i++) {
        visitType(usedTypes.get(i));
      }
      return trees;
    }

    /** QEMU visits modules in the order they were first included, each in definition order. */
    private List<Definition> commandsAndEventsInModuleOrder() {
      Map<String, List<Definition>> byModule = new LinkedHashMap<>();
      for (Module m : schema.modules()) {
        byModule.put(m.path(), new ArrayList<>());
      }
      List<Definition> elsewhere = new ArrayList<>();
      for (Definition d : schema.definitions()) {
        if (!(d instanceof Command) && !(d instanceof Event)) {
          continue;
        }
        List<Definition> list = byModule.get(d.location().file());
        (list != null ? list : elsewhere).add(d);
      }
      List<Definition> out = new ArrayList<>();
      byModule.values().forEach(out::addAll);
      out.addAll(elsewhere);
      return out;
    }

    private boolean holds(@Nullable Condition c) {
      return c == null || defined == null || c.evaluate(defined);
    }

    private String name(String name) {
      if (unmask) {
        return name;
      }
      return nameMap.computeIfAbsent(name, n -> Integer.toString(nameMap.size()));
    }

    private QapiType type(String name) {
      QapiType t = schema.typeOrNull(name);
      if (t == null) {
        t = wrappers.get(name);
      }
      if (t == null) {
        throw new IllegalArgumentException("unknown type '" + name + "'");
      }
      return t;
    }

    private String useType(QapiType t) {
      if (t.jsonType() == JsonType.INT) {
        t = BuiltinType.INT;
      } else if (t instanceof ArrayType a && type(a.elementType()).jsonType() == JsonType.INT) {
        t = ArrayType.of("int");
      }
      if (usedNames.add(t.name())) {
        usedTypes.add(t);
      }
      if (t instanceof BuiltinType) {
        return t.name();
      }
      if (t instanceof ArrayType a) {
        return "[" + useType(type(a.elementType())) + "]";
      }
      return name(t.name());
    }

    private @Nullable Condition conditionOf(QapiType t) {
      if (t instanceof Definition d) {
        return d.condition();
      }
      if (t instanceof ArrayType a) {
        return conditionOf(type(a.elementType()));
      }
      return null;
    }

    /** QEMU's {@code _gen_tree}: the entry, with sorted keys, kept only if its condition holds. */
    private void tree(String name, String metaType, Map<String, JsonNode> fields,
        @Nullable Condition cond, List<Feature> features) {
      if (!metaType.equals("command") && !metaType.equals("event") && !metaType.equals("builtin")
          && !metaType.equals("array")) {
        name = name(name);
      }
      Map<String, JsonNode> sorted = new TreeMap<>(fields);
      sorted.put("name", nodes.stringNode(name));
      sorted.put("meta-type", nodes.stringNode(metaType));
      if (!features.isEmpty()) {
        sorted.put("features", features(features));
      }
      if (holds(cond)) {
        ObjectNode obj = nodes.objectNode();
        sorted.forEach(obj::set);
        trees.add(obj);
      }
    }

    /**
     * The features whose condition holds. A list that had features keeps its key even when all are
     * left out, as QEMU's generated code (a list of {@code #if}-guarded entries) does.
     */
    private ArrayNode features(List<Feature> features) {
      ArrayNode out = nodes.arrayNode();
      for (Feature f : features) {
        if (holds(f.condition())) {
          out.add(f.name());
        }
      }
      return out;
    }

    private void visitCommand(Command c) {
      Map<String, JsonNode> obj = new HashMap<>();
      obj.put("arg-type", nodes.stringNode(useType(c.arguments() != null ? c.arguments() : StructType.EMPTY)));
      obj.put("ret-type", nodes.stringNode(useType(c.returns() != null ? c.returns() : StructType.EMPTY)));
      if (c.allowOob()) {
        obj.put("allow-oob", nodes.booleanNode(true));
      }
      tree(c.name(), "command", obj, c.condition(), c.features());
    }

    private void visitEvent(Event e) {
      Map<String, JsonNode> obj = new HashMap<>();
      obj.put("arg-type", nodes.stringNode(useType(e.data() != null ? e.data() : StructType.EMPTY)));
      tree(e.name(), "event", obj, e.condition(), e.features());
    }

    private void visitType(QapiType t) {
      if (t instanceof BuiltinType b) {
        tree(b.name(), "builtin", Map.of("json-type", nodes.stringNode(b.jsonType().introspectionName())),
            null, List.of());
      } else if (t instanceof EnumType e) {
        ArrayNode members = nodes.arrayNode();
        ArrayNode values = nodes.arrayNode();
        for (EnumValue v : e.values()) {
          if (!holds(v.condition())) {
            continue;
          }
          ObjectNode m = nodes.objectNode();
          if (!v.features().isEmpty()) {
            m.set("features", features(v.features()));
          }
          m.put("name", v.name());
          members.add(m);
          values.add(v.name());
        }
        tree(e.name(), "enum", Map.of("members", members, "values", values), e.condition(), e.features());
      } else if (t instanceof ArrayType a) {
        String element = useType(type(a.elementType()));
        tree("[" + element + "]", "array", Map.of("element-type", nodes.stringNode(element)),
            conditionOf(a), List.of());
      } else if (t instanceof StructType s) {
        tree(s.name(), "object", Map.of("members", members(s.allMembers())), s.condition(), s.features());
      } else if (t instanceof UnionType u) {
        visitUnion(u);
      } else if (t instanceof AlternateType a) {
        ArrayNode members = nodes.arrayNode();
        for (Branch b : a.branches()) {
          String type = useType(type(b.type()));
          if (holds(b.condition())) {
            members.add(nodes.objectNode().put("type", type));
          }
        }
        tree(a.name(), "alternate", Map.of("members", members), a.condition(), a.features());
      }
    }

    private void visitUnion(UnionType u) {
      Map<String, JsonNode> obj = new HashMap<>();
      obj.put("members", members(u.allMembers()));
      obj.put("tag", nodes.stringNode(u.discriminator()));
      ArrayNode variants = nodes.arrayNode();
      for (Branch b : u.branches()) {
        QapiType branchType = u.isFlat() ? type(b.type()) : wrapper(b.type(), u);
        variant(variants, b.name(), branchType, b.condition());
      }
      if (u.isFlat()) {
        Set<String> explicit = new HashSet<>();
        u.branches().forEach(b -> explicit.add(b.name()));
        for (EnumValue v : u.tagType().values()) {
          if (!explicit.contains(v.name())) {
            variant(variants, v.name(), StructType.EMPTY, v.condition());
          }
        }
      }
      obj.put("variants", variants);
      tree(u.name(), "object", obj, u.condition(), u.features());
    }

    private void variant(ArrayNode variants, String name, QapiType type, @Nullable Condition cond) {
      String typeName = useType(type);
      if (holds(cond)) {
        variants.add(nodes.objectNode().put("case", name).put("type", typeName));
      }
    }

    /** A simple union's branch of type T is the implicit object {@code q_obj_T-wrapper}. */
    private StructType wrapper(String typeName, UnionType u) {
      return wrappers.computeIfAbsent("q_obj_" + typeName + "-wrapper", n -> new StructType(n, null,
          List.of(Member.required(UnionType.SIMPLE_DATA_MEMBER, typeName)), null, List.of(), null,
          u.location(), true));
    }

    private ArrayNode members(List<Member> members) {
      ArrayNode out = nodes.arrayNode();
      for (Member m : members) {
        String type = useType(type(m.type()));
        if (!holds(m.condition())) {
          continue;
        }
        ObjectNode obj = nodes.objectNode();
        if (m.optional()) {
          obj.putNull("default");
        }
        if (!m.features().isEmpty()) {
          obj.set("features", features(m.features()));
        }
        obj.put("name", m.name());
        obj.put("type", type);
        out.add(obj);
      }
      return out;
    }
  }
}
