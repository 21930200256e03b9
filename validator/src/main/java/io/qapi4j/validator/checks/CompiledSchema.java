package io.qapi4j.validator.checks;

import io.qapi4j.model.AlternateType;
import io.qapi4j.model.ArrayType;
import io.qapi4j.model.Branch;
import io.qapi4j.model.BuiltinType;
import io.qapi4j.model.Command;
import io.qapi4j.model.Definition;
import io.qapi4j.model.EnumType;
import io.qapi4j.model.EnumValue;
import io.qapi4j.model.Event;
import io.qapi4j.model.Feature;
import io.qapi4j.model.JsonType;
import io.qapi4j.model.Member;
import io.qapi4j.model.QapiType;
import io.qapi4j.model.Schema;
import io.qapi4j.model.StructType;
import io.qapi4j.model.UnionType;
import io.qapi4j.validator.SchemaElement;
import io.qapi4j.validator.checks.ObjectCheck.MemberCheck;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A schema compiled into checks: one {@link TypeCheck} per type, linked directly to the checks of
 * the types it uses, and per command and event what to check. Built once; immutable and
 * thread-safe afterwards.
 */
public final class CompiledSchema {

  /** What to check for one command. */
  public record CommandChecks(Command command, TypeCheck arguments, TypeCheck returns,
      SchemaElement element) {}

  /** What to check for one event. */
  public record EventChecks(Event event, @Nullable TypeCheck data, SchemaElement element) {}

  private final Schema schema;
  private final Map<String, TypeCheck> types = new HashMap<>();
  private final Map<String, CommandChecks> commands = new HashMap<>();
  private final Map<String, EventChecks> events = new HashMap<>();
  private final ObjectCheck empty;

  private CompiledSchema(Schema schema) {
    this.schema = schema;
    this.empty = new ObjectCheck(element(StructType.EMPTY, null));
    for (Command c : schema.commands().values()) {
      TypeCheck args = c.arguments() == null ? empty : typeCheck(c.arguments().name());
      TypeCheck returns = c.returns() == null ? empty : typeCheck(c.returns().name());
      commands.put(c.name(), new CommandChecks(c, args, returns, element(c, null)));
    }
    for (Event e : schema.events().values()) {
      TypeCheck data = sendsData(e) ? typeCheck(e.data().name()) : null;
      events.put(e.name(), new EventChecks(e, data, element(e, null)));
    }
  }

  /**
   * Whether QEMU sends {@code data} with the event: for boxed events and data types with members
   * (an empty named struct sends none), as QEMU's generated event code does.
   */
  private static boolean sendsData(Event e) {
    return e.data() != null
        && (e.boxed() || e.data() instanceof UnionType || !e.data().allMembers().isEmpty());
  }

  /** Compiles {@code schema}. */
  public static CompiledSchema compile(Schema schema) {
    return new CompiledSchema(schema);
  }

  /** The schema compiled. */
  public Schema schema() {
    return schema;
  }

  /** The checks for command {@code name}, or {@code null} if the schema has no such command. */
  public @Nullable CommandChecks command(String name) {
    return commands.get(name);
  }

  /** The checks for event {@code name}, or {@code null}. */
  public @Nullable EventChecks event(String name) {
    return events.get(name);
  }

  /** The check for type {@code name}, or {@code null} if the schema has no such type. */
  public @Nullable TypeCheck type(String name) {
    return schema.type(name).isPresent() ? typeCheck(name) : null;
  }

  /** A check for an array of type {@code element}, or {@code null} if there is no such type. */
  public @Nullable TypeCheck arrayOf(String element) {
    if (schema.type(element).isEmpty()) {
      return null;
    }
    ArrayCheck c = new ArrayCheck();
    c.link(typeCheck(element));
    return c;
  }

  private static SchemaElement element(Definition d, @Nullable String member) {
    return new SchemaElement(d.title(), member, d.location());
  }

  private TypeCheck typeCheck(String name) {
    TypeCheck done = types.get(name);
    if (done != null) {
      return done;
    }
    QapiType t = schema.type(name)
        .orElseThrow(() -> new IllegalArgumentException("type '" + name + "' is not in the schema"));
    if (t instanceof BuiltinType b) {
      TypeCheck c = builtin(b);
      types.put(name, c);
      return c;
    }
    if (t instanceof EnumType e) {
      TypeCheck c = enumCheck(e);
      types.put(name, c);
      return c;
    }
    if (t instanceof ArrayType a) {
      ArrayCheck c = new ArrayCheck();
      types.put(name, c);
      c.link(typeCheck(a.elementType()));
      return c;
    }
    if (t instanceof StructType s) {
      ObjectCheck c = new ObjectCheck(element(s, null));
      types.put(name, c);
      c.link(structMembers(s));
      return c;
    }
    if (t instanceof UnionType u) {
      ObjectCheck c = new ObjectCheck(element(u, null));
      types.put(name, c);
      linkUnion(c, u);
      return c;
    }
    AlternateType a = (AlternateType) t;
    AlternateCheck c = new AlternateCheck(a.name());
    types.put(name, c);
    for (Branch b : a.branches()) {
      QapiType bt = schema.type(b.type()).orElseThrow();
      c.link(jsonKind(bt), typeCheck(b.type()));
    }
    return c;
  }

  private static String jsonKind(QapiType t) {
    JsonType j = t.jsonType();
    return switch (j) {
      case INT, NUMBER -> "number";
      case STRING -> "string";
      case BOOLEAN -> "boolean";
      case NULL -> "null";
      case OBJECT -> "object";
      case ARRAY -> "array";
      case VALUE -> throw new IllegalArgumentException("an alternate cannot have a branch of type " + t.name());
    };
  }

  private static TypeCheck builtin(BuiltinType b) {
    return switch (b.name()) {
      case "str" -> ScalarChecks.STR;
      case "number" -> ScalarChecks.NUMBER;
      case "bool" -> ScalarChecks.BOOL;
      case "null" -> ScalarChecks.NULL;
      case "any" -> ScalarChecks.ANY;
      case "uint8", "uint16", "uint32" ->
          new ScalarChecks.UnsignedIntCheck(b.maximum().longValueExact(), b.cType());
      case "uint64", "size" -> new ScalarChecks.UnsignedIntCheck(null, b.cType());
      default -> new ScalarChecks.SignedIntCheck(b.minimum().longValueExact(),
          b.maximum().longValueExact(), b.cType());
    };
  }

  private static TypeCheck enumCheck(EnumType e) {
    Set<String> values = e.values().stream().map(EnumValue::name).collect(Collectors.toSet());
    Set<String> deprecated = e.values().stream().filter(v -> v.hasFeature(Feature.DEPRECATED))
        .map(EnumValue::name).collect(Collectors.toSet());
    Set<String> unstable = e.values().stream().filter(v -> v.hasFeature(Feature.UNSTABLE))
        .map(EnumValue::name).collect(Collectors.toSet());
    return new EnumCheck(values, deprecated, unstable);
  }

  /** A struct's members, base members first, each reported as part of the type declaring it. */
  private List<MemberCheck> structMembers(@Nullable StructType s) {
    List<MemberCheck> out = new ArrayList<>();
    if (s == null) {
      return out;
    }
    out.addAll(structMembers(s.base()));
    for (Member m : s.members()) {
      out.add(member(s, m));
    }
    return out;
  }

  private MemberCheck member(Definition owner, Member m) {
    MemberCheck c = new MemberCheck(m.name(), !m.optional(), element(owner, m.name()),
        m.hasFeature(Feature.DEPRECATED), m.hasFeature(Feature.UNSTABLE));
    c.type = typeCheck(m.type());
    return c;
  }

  private void linkUnion(ObjectCheck c, UnionType u) {
    List<MemberCheck> members = structMembers(u.base());
    Map<String, ObjectCheck> variants = new LinkedHashMap<>();
    if (u.isFlat()) {
      c.link(members);
      for (EnumValue v : u.tagType().values()) {
        Branch b = u.branch(v.name()).orElse(null);
        if (b == null) {
          variants.put(v.name(), empty);
        } else if (typeCheck(b.type()) instanceof ObjectCheck branch) {
          variants.put(v.name(), branch);
        }
      }
    } else {
      MemberCheck tag = new MemberCheck(u.discriminator(), true, element(u, u.discriminator()),
          false, false);
      tag.type = enumCheck(u.tagType());
      members.add(tag);
      c.link(members);
      for (Branch b : u.branches()) {
        ObjectCheck wrapper = new ObjectCheck(element(u, b.name()));
        MemberCheck data = new MemberCheck(UnionType.SIMPLE_DATA_MEMBER, true,
            element(u, b.name()), false, false);
        data.type = typeCheck(b.type());
        wrapper.link(List.of(data));
        variants.put(b.name(), wrapper);
      }
    }
    c.linkVariants(u.discriminator(), variants);
  }
}
