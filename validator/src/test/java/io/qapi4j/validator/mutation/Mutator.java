package io.qapi4j.validator.mutation;

import io.qapi4j.model.AlternateType;
import io.qapi4j.model.ArrayType;
import io.qapi4j.model.Branch;
import io.qapi4j.model.BuiltinType;
import io.qapi4j.model.Command;
import io.qapi4j.model.EnumType;
import io.qapi4j.model.Event;
import io.qapi4j.model.JsonType;
import io.qapi4j.model.Member;
import io.qapi4j.model.ObjectType;
import io.qapi4j.model.QapiType;
import io.qapi4j.model.Schema;
import io.qapi4j.model.StructType;
import io.qapi4j.model.UnionType;
import io.qapi4j.validator.ViolationCode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Breaks a valid message one way at a time. It walks the payload — a command's arguments, a
 * reply's {@code return}, an event's {@code data}, or a bare value — alongside its QAPI type (a
 * union's discriminator picks the branch, an alternate's branch is picked by JSON kind) and, at
 * every value, applies each {@link MutationKind} that must make it invalid there, with the one
 * violation QEMU would report: code, pointer, path and QEMU's words.
 *
 * <p>Where a mutation cannot break the message it is not made: no wrong type for {@code any} or
 * for a value an alternate takes by kind (another branch might take the new kind: that is {@link
 * MutationKind#WRONG_ALTERNATE_KIND}'s job), no unknown member in lenient output, nothing inside
 * the arguments of a {@code 'gen': false} command, no {@code null} where {@code null} is a value.
 * A mutant builds its broken message from the message given, when asked: leave that unchanged.
 *
 * <pre>{@code
 * Mutator mutator = new Mutator(schema, false);
 * for (Mutant m : mutator.ofCommand(message, schema.command("blockdev-add").orElseThrow())) {
 *   ValidationResult r = validator.validate(m.message(), Direction.CLIENT, null);
 *   // r must hold exactly one error: m.code() at m.pointer() [m.path()]
 * }
 * }</pre>
 */
public final class Mutator {

  /** The member name used for unknown members. */
  public static final String UNKNOWN_MEMBER = "qapi4j-unknown";
  /** The string used for values no enum has. */
  public static final String BOGUS_VALUE = "qapi4j-bogus";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final Schema schema;
  private final boolean lenientOutput;

  /**
   * A mutator for messages of {@code schema}.
   *
   * @param lenientOutput whether replies and events may carry unknown members (then adding one
   *     breaks nothing, and is not done)
   */
  public Mutator(Schema schema, boolean lenientOutput) {
    this.schema = schema;
    this.lenientOutput = lenientOutput;
  }

  /** Mutants of a message executing {@code command}: its arguments broken (an absent {@code arguments} is read as {@code {}}). */
  public List<Mutant> ofCommand(JsonNode message, Command command) {
    if (!command.gen()) {
      return List.of();
    }
    ObjectNode base = ((ObjectNode) message).deepCopy();
    if (!base.has("arguments")) {
      base.putObject("arguments");
    }
    QapiType args = command.arguments() != null ? command.arguments() : StructType.EMPTY;
    return new Walk(base, new Position("/arguments", null, List.of()), true)
        .run(base.get("arguments"), args);
  }

  /** Mutants of a success reply to {@code command}: its {@code return} broken. */
  public List<Mutant> ofReply(JsonNode message, Command command) {
    QapiType returns = command.returns() != null ? command.returns() : StructType.EMPTY;
    return new Walk(message, new Position("/return", "return", List.of()), false)
        .run(message.get("return"), returns);
  }

  /** Mutants of the event message of {@code event}: its {@code data} broken. */
  public List<Mutant> ofEvent(JsonNode message, Event event) {
    if (event.data() == null || !message.has("data")) {
      return List.of();
    }
    return new Walk(message, new Position("/data", "data", List.of()), false)
        .run(message.get("data"), event.data());
  }

  /** Mutants of a bare value of {@code type}, checked with the input rules. */
  public List<Mutant> ofValue(JsonNode value, QapiType type) {
    return new Walk(value, new Position("", null, List.of()), true).run(value, type);
  }

  private QapiType type(String name) {
    return Objects.requireNonNull(schema.typeOrNull(name), name);
  }

  /** One payload's walk. */
  private final class Walk {
    private final JsonNode message;
    private final Position root;
    private final boolean rejectsUnknown;
    private final List<Mutant> out = new ArrayList<>();

    Walk(JsonNode message, Position root, boolean input) {
      this.message = message;
      this.root = root;
      this.rejectsUnknown = input || !lenientOutput;
    }

    List<Mutant> run(JsonNode payload, QapiType type) {
      value(payload, type, root, false);
      return out;
    }

    private void value(JsonNode v, QapiType t, Position at, boolean discriminator) {
      if (t instanceof AlternateType a) {
        alternateKind(a, at);
        int branch = branchFor(a, v);
        if (branch >= 0) {
          resolved(v, type(a.branches().get(branch).type()), at, true, false);
        }
        return;
      }
      resolved(v, t, at, false, discriminator);
    }

    private void resolved(JsonNode v, QapiType t, Position at, boolean inAlternate,
        boolean discriminator) {
      // The arguments object itself is the envelope's business ("must be an object").
      boolean argumentsRoot = at.isPayload() && at.payloadPointer().equals("/arguments");
      if (!inAlternate && !argumentsRoot) {
        wrongType(t, at);
      }
      if (t instanceof BuiltinType b && b.isInteger()) {
        integer(b, at);
      } else if (t instanceof EnumType && !discriminator) {
        add(MutationKind.UNKNOWN_ENUM_VALUE, "unknown value at " + at.pointer(),
            replaced(at, JSON.stringNode(BOGUS_VALUE)), ViolationCode.INVALID_ENUM_VALUE, at,
            "Parameter '" + at.ownName() + "' does not accept value '" + BOGUS_VALUE + "'");
      } else if (t instanceof ArrayType a && v.isArray()) {
        for (int i = 0; i < v.size(); i++) {
          value(v.get(i), type(a.elementType()), at.index(i), false);
        }
      } else if (t instanceof ObjectType o && v.isObject()) {
        object((ObjectNode) v, o, at);
      }
    }

    private void object(ObjectNode v, ObjectType o, Position at) {
      Layout layout = layout(o, v);
      for (Member m : layout.members()) {
        Position member = at.member(m.name());
        JsonNode value = v.get(m.name());
        if (!m.optional() && value != null) {
          add(MutationKind.DROP_REQUIRED, "drop " + member.pointer(), removed(member),
              ViolationCode.MISSING_MEMBER, member, "Parameter '" + member.fullName() + "' is missing");
        }
        if (m.optional()) {
          nullForOptional(type(m.type()), member);
        }
        boolean tag = layout.tags().contains(m.name());
        if (tag && value != null) {
          add(MutationKind.WRONG_DISCRIMINATOR, "discriminator " + member.pointer() + " bogus",
              replaced(member, JSON.stringNode(BOGUS_VALUE)), ViolationCode.INVALID_ENUM_VALUE,
              member, "Parameter '" + m.name() + "' does not accept value '" + BOGUS_VALUE + "'");
        }
        if (value != null) {
          value(value, type(m.type()), member, tag);
        }
      }
      if (!rejectsUnknown) {
        return;
      }
      Position unknown = at.member(UNKNOWN_MEMBER);
      add(MutationKind.ADD_UNKNOWN, "add " + unknown.pointer(),
          added(at, UNKNOWN_MEMBER, JSON.numberNode(1)), ViolationCode.UNEXPECTED_MEMBER, unknown,
          "Parameter '" + unknown.fullName() + "' is unexpected");
      Set<String> known = new LinkedHashSet<>();
      layout.members().forEach(m -> known.add(m.name()));
      for (ObjectType other : layout.otherBranches()) {
        other.allMembers().stream().map(Member::name).filter(n -> !known.contains(n)).findFirst()
            .ifPresent(name -> {
              known.add(name);
              Position stray = at.member(name);
              add(MutationKind.OTHER_BRANCH_MEMBER, "add " + stray.pointer() + " of " + other.name(),
                  added(at, name, JSON.numberNode(1)), ViolationCode.UNEXPECTED_MEMBER, stray,
                  "Parameter '" + stray.fullName() + "' is unexpected");
            });
      }
    }

    private void nullForOptional(QapiType t, Position at) {
      if (t instanceof AlternateType a) {
        if (branchFor(a, JSON.nullNode()) < 0) {
          add(MutationKind.NULL_FOR_OPTIONAL, "null for " + at.pointer(),
              replaced(at, JSON.nullNode()), ViolationCode.NO_ALTERNATE_BRANCH, at,
              "Invalid parameter type for '" + at.ownName() + "', expected: " + a.name());
        }
        return;
      }
      String expected = expectedKind(t);
      if (expected != null && !expected.equals("null")) {
        add(MutationKind.NULL_FOR_OPTIONAL, "null for " + at.pointer(),
            replaced(at, JSON.nullNode()), ViolationCode.INVALID_TYPE, at, typeMessage(t, at));
      }
    }

    private void alternateKind(AlternateType a, Position at) {
      for (JsonNode candidate : List.of(JSON.booleanNode(true), JSON.numberNode(1),
          JSON.stringNode("x"), JSON.nullNode(), JSON.arrayNode(), JSON.objectNode())) {
        if (branchFor(a, candidate) < 0) {
          add(MutationKind.WRONG_ALTERNATE_KIND, candidate.getNodeType() + " for " + at.pointer(),
              replaced(at, candidate), ViolationCode.NO_ALTERNATE_BRANCH, at,
              "Invalid parameter type for '" + at.ownName() + "', expected: " + a.name());
          return;
        }
      }
    }

    private void wrongType(QapiType t, Position at) {
      String expected = expectedKind(t);
      if (expected == null) {
        return;
      }
      JsonNode wrong = switch (expected) {
        case "string", "boolean", "null" -> JSON.numberNode(1);
        case "object" -> JSON.arrayNode();
        case "array" -> JSON.objectNode();
        default -> JSON.stringNode("1");
      };
      add(MutationKind.WRONG_TYPE, wrong.getNodeType() + " for " + at.pointer(),
          replaced(at, wrong), ViolationCode.INVALID_TYPE, at, typeMessage(t, at));
    }

    private void integer(BuiltinType b, Position at) {
      boolean unsigned = b.minimum().signum() == 0;
      boolean wide = b.maximum().bitLength() >= 63;
      BigInteger min = b.wireMinimum();
      String range;
      if (!wide) {
        range = "Parameter '" + at.ownName() + "' expects " + b.cType();
      } else if (unsigned) {
        range = "Parameter '" + at.fullName() + "' expects uint64";
      } else {
        range = "Invalid parameter type for '" + at.fullName() + "', expected: integer";
      }
      // Below an unsigned type's minimum: -1, which wraps beyond every narrower maximum.
      BigInteger below = unsigned && !wide ? BigInteger.ONE.negate() : min.subtract(BigInteger.ONE);
      add(MutationKind.INTEGER_BELOW_MIN, below + " for " + b.name() + " at " + at.pointer(),
          replaced(at, JSON.numberNode(below)), ViolationCode.OUT_OF_RANGE, at, range);
      BigInteger above = b.maximum().add(BigInteger.ONE);
      add(MutationKind.INTEGER_ABOVE_MAX, above + " for " + b.name() + " at " + at.pointer(),
          replaced(at, JSON.numberNode(above)), ViolationCode.OUT_OF_RANGE, at, range);
      add(MutationKind.FLOAT_FOR_INTEGER, "1.0 for " + b.name() + " at " + at.pointer(),
          replaced(at, JSON.numberNode(1.0)), ViolationCode.INVALID_TYPE, at, typeMessage(b, at));
    }

    private void add(MutationKind kind, String description, Supplier<JsonNode> broken,
        ViolationCode code, Position at, String qemuMessage) {
      out.add(new Mutant(kind, description, broken, code, at.pointer(), at.fullName(),
          qemuMessage));
    }

    // ------------------------------------------------------------ building mutated messages

    private Supplier<JsonNode> replaced(Position at, JsonNode value) {
      String pointer = at.pointer();
      if (pointer.isEmpty()) {
        return value::deepCopy;
      }
      int cut = pointer.lastIndexOf('/');
      String last = unescape(pointer.substring(cut + 1));
      return () -> {
        JsonNode copy = message.deepCopy();
        JsonNode parent = copy.at(pointer.substring(0, cut));
        if (parent instanceof ObjectNode o) {
          o.set(last, value.deepCopy());
        } else {
          ((ArrayNode) parent).set(Integer.parseInt(last), value.deepCopy());
        }
        return copy;
      };
    }

    private Supplier<JsonNode> removed(Position member) {
      String pointer = member.pointer();
      int cut = pointer.lastIndexOf('/');
      return () -> {
        JsonNode copy = message.deepCopy();
        ((ObjectNode) copy.at(pointer.substring(0, cut)))
            .remove(unescape(pointer.substring(cut + 1)));
        return copy;
      };
    }

    private Supplier<JsonNode> added(Position object, String name, JsonNode value) {
      String pointer = object.pointer();
      return () -> {
        JsonNode copy = message.deepCopy();
        ((ObjectNode) copy.at(pointer)).set(name, value.deepCopy());
        return copy;
      };
    }
  }

  private static String unescape(String segment) {
    return segment.replace("~1", "/").replace("~0", "~");
  }

  // ------------------------------------------------------------ the schema's view of a value

  /**
   * The members an object may have as a value of {@code o}, the discriminators among them, and
   * the other branches of its flat unions.
   */
  private record Layout(List<Member> members, Set<String> tags, List<ObjectType> otherBranches) {}

  private Layout layout(ObjectType o, JsonNode v) {
    List<Member> members = new ArrayList<>(o.allMembers());
    Set<String> tags = new LinkedHashSet<>();
    List<ObjectType> others = new ArrayList<>();
    ObjectType cur = o;
    while (cur instanceof UnionType u) {
      tags.add(u.discriminator());
      String tag = v.path(u.discriminator()).asString("");
      Branch selected = u.branch(tag).orElse(null);
      if (u.isFlat()) {
        for (Branch b : u.branches()) {
          if (b != selected && type(b.type()) instanceof ObjectType other) {
            others.add(other);
          }
        }
      }
      if (selected == null) {
        break;
      }
      if (!u.isFlat()) {
        members.add(Member.required(UnionType.SIMPLE_DATA_MEMBER, selected.type()));
        break;
      }
      cur = (ObjectType) type(selected.type());
      members.addAll(cur.allMembers());
    }
    return new Layout(members, tags, others);
  }

  private int branchFor(AlternateType a, JsonNode v) {
    Set<JsonType> kinds = switch (v.getNodeType()) {
      case NUMBER -> Set.of(JsonType.INT, JsonType.NUMBER);
      case STRING -> Set.of(JsonType.STRING);
      case BOOLEAN -> Set.of(JsonType.BOOLEAN);
      case NULL -> Set.of(JsonType.NULL);
      case OBJECT -> Set.of(JsonType.OBJECT);
      case ARRAY -> Set.of(JsonType.ARRAY);
      default -> Set.of();
    };
    for (int i = 0; i < a.branches().size(); i++) {
      if (kinds.contains(type(a.branches().get(i).type()).jsonType())) {
        return i;
      }
    }
    return -1;
  }

  /** The JSON kind QEMU's message names for {@code t} ("integer", "object", ...), or {@code null} for {@code any}. */
  private static @Nullable String expectedKind(QapiType t) {
    return switch (t.jsonType()) {
      case STRING -> "string";
      case INT -> "integer";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      case NULL -> "null";
      case OBJECT -> "object";
      case ARRAY -> "array";
      case VALUE -> null;
    };
  }

  /**
   * QEMU's message for a value of the wrong JSON type: "Invalid parameter type for 'a.b',
   * expected: integer", but for {@code uint64} and the narrower unsigned types, which read a
   * uint64 first, "Parameter 'a.b' expects uint64".
   */
  private static String typeMessage(QapiType t, Position at) {
    if (t instanceof BuiltinType b && b.isInteger() && b.minimum().signum() == 0) {
      return "Parameter '" + at.fullName() + "' expects uint64";
    }
    return "Invalid parameter type for '" + at.fullName() + "', expected: " + expectedKind(t);
  }
}
