package io.qapi4j.jsonschema;

import io.qapi4j.model.AlternateType;
import io.qapi4j.model.ArrayType;
import io.qapi4j.model.Branch;
import io.qapi4j.model.BuiltinType;
import io.qapi4j.model.Definition;
import io.qapi4j.model.EnumType;
import io.qapi4j.model.EnumValue;
import io.qapi4j.model.Member;
import io.qapi4j.model.ObjectType;
import io.qapi4j.model.QapiType;
import io.qapi4j.model.StructType;
import io.qapi4j.model.UnionType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps QAPI types to JSON Schema with QEMU's wire semantics (qapi-language.md §8): structs closed
 * ({@code additionalProperties: false}), flat unions as base plus {@code if}/{@code then} per tag
 * value closed by {@code unevaluatedProperties: false} (draft-07: per-branch {@code
 * propertyNames}), simple unions as {@code {type, data}}, alternates as {@code oneOf}, integers with
 * exact ranges whose bounds are all exactly representable doubles.
 */
final class TypeSchemas {

  /** How an object type is written. */
  enum Mode {
    /** Its own definition: unknown members rejected. */
    CLOSED,
    /** Its member set, for a closed union to close ({@code open:} definitions). */
    OPEN,
    /** Server output with unknown members allowed ({@code out:} definitions). */
    OUT
  }

  private final Context cx;

  TypeSchemas(Context cx) {
    this.cx = cx;
  }

  /** The definition of {@code t} under its own name. */
  ObjectNode define(QapiType t) {
    ObjectNode n = cx.obj();
    if (t instanceof Definition d) {
      cx.describe(n, cx.docIndex.body(d));
      cx.features(n, d.features());
      cx.condition(n, d.condition());
    } else if (t instanceof ArrayType a && cx.schema.typeOrNull(a.elementType()) instanceof Definition d) {
      cx.condition(n, d.condition());
    }
    n.setAll(schema(t, Mode.CLOSED));
    return n;
  }

  /** The {@code open:} member set of object type {@code name}. */
  ObjectNode open(String name) {
    return schema(cx.type(name), Mode.OPEN);
  }

  /** The {@code out:} variant of {@code name}. */
  ObjectNode out(String name) {
    return schema(cx.type(name), Mode.OUT);
  }

  private ObjectNode schema(QapiType t, Mode mode) {
    if (t instanceof BuiltinType b) {
      return builtin(b);
    }
    if (t instanceof EnumType e) {
      return enumSchema(e);
    }
    if (t instanceof ArrayType a) {
      ObjectNode n = cx.obj();
      n.put("type", "array");
      n.set("items", cx.typeRef(a.elementType(), mode == Mode.OUT));
      return n;
    }
    if (t instanceof AlternateType a) {
      return alternate(a, mode);
    }
    if (t instanceof StructType s) {
      ObjectNode n = object(declared(s), mode);
      if (mode == Mode.CLOSED) {
        n.put("additionalProperties", false);
      }
      return n;
    }
    UnionType u = (UnionType) t;
    return u.isFlat() ? flatUnion(u, mode) : simpleUnion(u, mode);
  }

  private ObjectNode builtin(BuiltinType b) {
    ObjectNode n = cx.obj();
    switch (b.jsonType()) {
      case STRING -> n.put("type", "string");
      case NUMBER -> n.put("type", "number");
      case BOOLEAN -> n.put("type", "boolean");
      case NULL -> n.put("type", "null");
      case INT -> {
        n.put("type", "integer");
        integerBounds(n, b);
      }
      default -> { }
    }
    return n;
  }

  /**
   * Integer ranges whose bounds are exact doubles, so that a validator working in doubles (ajv)
   * still gets exact verdicts: a maximum of 2^N-1 is written {@code exclusiveMaximum: 2^N} when
   * 2^N-1 is not exactly representable.
   */
  private static void integerBounds(ObjectNode n, BuiltinType b) {
    BigInteger min = b.wireMinimum();
    BigInteger max = b.maximum();
    if (min != null) {
      n.put("minimum", min);
    }
    if (max != null) {
      if (max.bitLength() > 53) {
        n.put("exclusiveMaximum", max.add(BigInteger.ONE));
      } else {
        n.put("maximum", max);
      }
    }
  }

  private ObjectNode enumSchema(EnumType e) {
    ObjectNode n = cx.obj();
    n.put("type", "string");
    ArrayNode values = n.putArray("enum");
    ObjectNode valueFeatures = cx.obj();
    ObjectNode valueIfs = cx.obj();
    for (EnumValue v : e.values()) {
      values.add(v.name());
      if (!v.features().isEmpty()) {
        valueFeatures.set(v.name(), cx.featureList(v.features()));
      }
      if (v.condition() != null) {
        valueIfs.set(v.name(), ConditionJson.of(v.condition()));
      }
    }
    if (e.values().isEmpty()) {
      // An empty enum is legal QAPI; "enum": [] is not accepted by every validator (ajv).
      n.remove("enum");
      n.putObject("not");
    }
    if (!valueFeatures.isEmpty()) {
      n.set("x-qapi-value-features", valueFeatures);
    }
    if (!valueIfs.isEmpty()) {
      n.set("x-qapi-value-if", valueIfs);
    }
    return n;
  }

  private ObjectNode alternate(AlternateType a, Mode mode) {
    ObjectNode n = cx.obj();
    ArrayNode oneOf = n.putArray("oneOf");
    for (Branch b : a.branches()) {
      ObjectNode branch = cx.typeRef(b.type(), mode == Mode.OUT);
      cx.condition(branch, b.condition());
      oneOf.add(branch);
    }
    return n;
  }

  /** A member and the definition whose documentation describes it. */
  record Declared(Member member, Definition owner) {}

  /** The members of {@code s} on the wire, base chain first, each with its documenting owner. */
  static List<Declared> declared(@Nullable StructType s) {
    List<Declared> out = new ArrayList<>();
    if (s != null) {
      out.addAll(declared(s.base()));
      s.members().forEach(m -> out.add(new Declared(m, s)));
    }
    return out;
  }

  /** {@code type: object} with {@code properties} and {@code required} for {@code members}. */
  private ObjectNode object(List<Declared> members, Mode mode) {
    ObjectNode n = cx.obj();
    n.put("type", "object");
    if (!members.isEmpty()) {
      ObjectNode properties = n.putObject("properties");
      List<String> required = new ArrayList<>();
      for (Declared d : members) {
        properties.set(d.member().name(), member(d, mode));
        if (!d.member().optional()) {
          required.add(d.member().name());
        }
      }
      if (!required.isEmpty()) {
        n.set("required", cx.strings(required));
      }
    }
    return n;
  }

  private ObjectNode member(Declared d, Mode mode) {
    Member m = d.member();
    ObjectNode n = cx.typeRef(m.type(), mode == Mode.OUT);
    cx.describe(n, cx.docIndex.member(d.owner(), m.name()));
    cx.features(n, m.features());
    cx.condition(n, m.condition());
    return n;
  }

  private ObjectNode flatUnion(UnionType u, Mode mode) {
    List<Declared> base = declared(u.base());
    ObjectNode n = object(base, mode);
    ArrayNode allOf = cx.arr();
    boolean closed07 = mode == Mode.CLOSED && cx.draft == Draft.DRAFT_07;
    Set<String> baseNames = names(base);
    for (EnumValue value : u.tagType().values()) {
      Optional<Branch> branch = u.branch(value.name());
      if (branch.isEmpty() && !closed07) {
        continue;
      }
      ObjectNode item = cx.obj();
      cx.condition(item, branch.isPresent() ? branch.get().condition() : value.condition());
      item.set("if", tagIs(u.discriminator(), value.name()));
      if (branch.isEmpty()) {
        item.set("then", allowedNames07(baseNames, null));
      } else if (mode == Mode.OUT) {
        item.set("then", cx.outRef(branch.get().type()));
      } else if (closed07) {
        ObjectNode then = cx.obj();
        then.put("type", "object");
        then.putArray("allOf")
            .add(cx.openRef(branch.get().type()))
            .add(allowedNames07(baseNames, (ObjectType) cx.type(branch.get().type())));
        item.set("then", then);
      } else {
        item.set("then", cx.openRef(branch.get().type()));
      }
      allOf.add(item);
    }
    if (!allOf.isEmpty()) {
      n.set("allOf", allOf);
    }
    if (mode == Mode.CLOSED && cx.draft == Draft.DRAFT_2020_12) {
      n.put("unevaluatedProperties", false);
    }
    return n;
  }

  /**
   * Draft-07's stand-in for {@code unevaluatedProperties: false}: the names allowed when the
   * members {@code prefix} are joined by those of {@code branch} (none: {@code null}), nested
   * unions resolved by their own tag.
   */
  private ObjectNode allowedNames07(Set<String> prefix, @Nullable ObjectType branch) {
    ObjectNode n = cx.obj();
    n.put("type", "object");
    if (branch instanceof UnionType v && v.isFlat()) {
      Set<String> inner = new LinkedHashSet<>(prefix);
      inner.addAll(names(declared(v.base())));
      ArrayNode allOf = n.putArray("allOf");
      for (EnumValue value : v.tagType().values()) {
        ObjectNode item = allOf.addObject();
        item.set("if", tagIs(v.discriminator(), value.name()));
        Optional<Branch> b = v.branch(value.name());
        item.set("then", allowedNames07(inner,
            b.isPresent() ? (ObjectType) cx.type(b.get().type()) : null));
      }
      return n;
    }
    Set<String> names = new LinkedHashSet<>(prefix);
    if (branch != null) {
      branch.allMembers().forEach(m -> names.add(m.name()));
      if (branch instanceof UnionType simple && !simple.isFlat()) {
        names.add(UnionType.SIMPLE_DATA_MEMBER);
      }
    }
    n.putObject("propertyNames").set("enum", cx.strings(names));
    return n;
  }

  private ObjectNode simpleUnion(UnionType u, Mode mode) {
    List<Declared> members = declared(u.base());
    ObjectNode n = object(members, mode);
    ObjectNode properties = n.has("properties") ? (ObjectNode) n.get("properties") : n.putObject("properties");
    properties.set(u.discriminator(), cx.ref(u.tagType().name()));
    properties.putObject(UnionType.SIMPLE_DATA_MEMBER);
    ArrayNode required = n.has("required") ? (ArrayNode) n.get("required") : n.putArray("required");
    required.add(u.discriminator()).add(UnionType.SIMPLE_DATA_MEMBER);
    ArrayNode allOf = cx.arr();
    for (Branch b : u.branches()) {
      ObjectNode item = allOf.addObject();
      cx.condition(item, b.condition());
      item.set("if", tagIs(u.discriminator(), b.name()));
      ObjectNode then = item.putObject("then");
      then.put("type", "object");
      then.putObject("properties")
          .set(UnionType.SIMPLE_DATA_MEMBER, cx.typeRef(b.type(), mode == Mode.OUT));
    }
    if (mode == Mode.CLOSED) {
      n.put("additionalProperties", false);
    }
    if (!allOf.isEmpty()) {
      n.set("allOf", allOf);
    }
    return n;
  }

  /** {@code if} the tag member {@code tag} is {@code value}. */
  private ObjectNode tagIs(String tag, String value) {
    ObjectNode n = cx.obj();
    n.put("type", "object");
    n.putObject("properties").putObject(tag).put("const", value);
    n.putArray("required").add(tag);
    return n;
  }

  private static Set<String> names(List<Declared> members) {
    Set<String> out = new LinkedHashSet<>();
    members.forEach(d -> out.add(d.member().name()));
    return out;
  }
}
