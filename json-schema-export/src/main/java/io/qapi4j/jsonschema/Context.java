package io.qapi4j.jsonschema;

import io.qapi4j.model.AlternateType;
import io.qapi4j.model.ArrayType;
import io.qapi4j.model.Condition;
import io.qapi4j.model.Feature;
import io.qapi4j.model.ObjectType;
import io.qapi4j.model.QapiType;
import io.qapi4j.model.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the schema mappers share while one export runs: the schema and options, reference and
 * annotation helpers, and the {@code open:} / {@code out:} definitions asked for so far.
 */
final class Context {

  /** Prefix of the open member-set definitions that closed unions use for their branches. */
  static final String OPEN = "open:";
  /** Prefix of the lenient output variants of types ({@code --lenient-output}). */
  static final String OUT = "out:";

  final Schema schema;
  final Draft draft;
  final Protocol protocol;
  final boolean lenientOutput;
  final boolean docs;
  final DocIndex docIndex;
  private final JsonNodeFactory f = JsonNodeFactory.instance;
  private final Set<String> requested = new LinkedHashSet<>();
  private final Map<String, Boolean> needsOut = new HashMap<>();

  Context(Schema schema, Draft draft, Protocol protocol, boolean lenientOutput, boolean docs) {
    this.schema = schema;
    this.draft = draft;
    this.protocol = protocol;
    this.lenientOutput = lenientOutput;
    this.docs = docs;
    this.docIndex = new DocIndex(schema);
  }

  ObjectNode obj() {
    return f.objectNode();
  }

  ArrayNode arr() {
    return f.arrayNode();
  }

  ArrayNode strings(Iterable<String> values) {
    ArrayNode a = f.arrayNode();
    values.forEach(a::add);
    return a;
  }

  /** The JSON pointer reference to definition {@code key}, or to nested definitions in it. */
  String pointer(String key, String... nested) {
    StringBuilder s = new StringBuilder("#/").append(draft.defsKeyword()).append('/').append(key);
    for (String n : nested) {
      s.append('/').append(draft.defsKeyword()).append('/').append(n);
    }
    return s.toString();
  }

  ObjectNode ref(String key, String... nested) {
    ObjectNode n = obj();
    n.put("$ref", pointer(key, nested));
    return n;
  }

  /** The type called {@code name}. */
  QapiType type(String name) {
    QapiType t = schema.typeOrNull(name);
    if (t == null) {
      throw new IllegalArgumentException("type '" + name + "' is referenced but not defined"
          + " (a condition resolved it away?)");
    }
    return t;
  }

  /**
   * A reference to type {@code name}; for server output with lenient output on, to its {@code
   * out:} variant when it has one.
   */
  ObjectNode typeRef(String name, boolean output) {
    type(name);
    if (output && lenientOutput && needsOut(name)) {
      return outRef(name);
    }
    return ref(name);
  }

  /** A reference to the open member set of object type {@code name}. */
  ObjectNode openRef(String name) {
    if (!(type(name) instanceof ObjectType)) {
      throw new IllegalArgumentException("branch type '" + name + "' is not an object type");
    }
    requested.add(OPEN + name);
    return ref(OPEN + name);
  }

  /** A reference to the lenient output variant of {@code name}. */
  ObjectNode outRef(String name) {
    requested.add(OUT + name);
    return ref(OUT + name);
  }

  /** The {@code open:} and {@code out:} definitions asked for so far, in order. */
  List<String> requested() {
    return new ArrayList<>(requested);
  }

  /** Whether a type's output form differs when unknown members are allowed: it holds objects. */
  boolean needsOut(String name) {
    Boolean known = needsOut.get(name);
    if (known != null) {
      return known;
    }
    QapiType t = type(name);
    boolean result;
    if (t instanceof ObjectType) {
      result = true;
    } else if (t instanceof ArrayType a) {
      result = needsOut(a.elementType());
    } else if (t instanceof AlternateType a) {
      result = a.branches().stream().anyMatch(b -> needsOut(b.type()));
    } else {
      result = false;
    }
    needsOut.put(name, result);
    return result;
  }

  /** Adds {@code description} when docs are on and there is text. */
  void describe(ObjectNode n, Optional<String> text) {
    if (docs) {
      text.ifPresent(t -> n.put("description", t));
    }
  }

  /** Adds {@code deprecated} (2020-12) and {@code x-qapi-features} for {@code features}. */
  void features(ObjectNode n, List<Feature> features) {
    if (features.isEmpty()) {
      return;
    }
    if (draft == Draft.DRAFT_2020_12 && features.stream().anyMatch(Feature::isDeprecated)) {
      n.put("deprecated", true);
    }
    n.set("x-qapi-features", featureList(features));
  }

  ArrayNode featureList(List<Feature> features) {
    ArrayNode a = arr();
    for (Feature feature : features) {
      if (feature.condition() == null) {
        a.add(feature.name());
      } else {
        ObjectNode o = a.addObject();
        o.put("name", feature.name());
        o.set("if", ConditionJson.of(feature.condition()));
      }
    }
    return a;
  }

  /** Adds {@code x-qapi-if} for a condition that is there. */
  void condition(ObjectNode n, @Nullable Condition condition) {
    if (condition != null) {
      n.set("x-qapi-if", ConditionJson.of(condition));
    }
  }
}
