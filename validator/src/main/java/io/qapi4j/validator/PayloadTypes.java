package io.qapi4j.validator;

import io.qapi4j.model.AlternateType;
import io.qapi4j.model.ArrayType;
import io.qapi4j.model.Branch;
import io.qapi4j.model.JsonType;
import io.qapi4j.model.Member;
import io.qapi4j.model.ObjectType;
import io.qapi4j.model.QapiType;
import io.qapi4j.model.Schema;
import io.qapi4j.model.StructType;
import io.qapi4j.model.UnionType;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The QAPI type of a value inside a payload, found by walking the payload alongside its type the
 * way the native engine does: a union's discriminator picks its branch, an alternate's branch is
 * picked by the JSON kind of the value. Lets the JSON Schema engine tell which of networknt's
 * errors are echoes of another (a union branch that failed, the untaken branches of an
 * alternate).
 *
 * @param schema the schema
 * @param pointer the payload's JSON Pointer in the message ({@code /arguments}, {@code /return};
 *     empty for a bare value)
 * @param value the payload
 * @param type the payload's type
 */
record PayloadTypes(Schema schema, String pointer, JsonNode value, QapiType type) {

  /** A value in the payload and its type. */
  record Located(QapiType type, JsonNode value) {}

  /**
   * The value at {@code pointer} and its type, or {@code null} if the pointer is outside the
   * payload, or the walk cannot tell the type (an unknown member, a branch not selected).
   */
  @Nullable Located locate(String pointer) {
    if (!pointer.equals(this.pointer) && !pointer.startsWith(this.pointer + "/")) {
      return null;
    }
    QapiType t = type;
    JsonNode v = value;
    for (String segment : segments(pointer.substring(this.pointer.length()))) {
      t = resolveAlternate(t, v);
      if (t == null || v == null) {
        return null;
      }
      if (t instanceof ArrayType a) {
        if (!v.isArray() || !segment.chars().allMatch(Character::isDigit) || segment.isEmpty()) {
          return null;
        }
        v = v.get(Integer.parseInt(segment));
        t = schema.typeOrNull(a.elementType());
      } else if (t instanceof ObjectType o) {
        List<Member> members = v.isObject() ? members(o, v) : null;
        Member m = members == null ? null : members.stream()
            .filter(x -> x.name().equals(segment)).findFirst().orElse(null);
        if (m == null) {
          return null;
        }
        v = v.get(segment);
        t = schema.typeOrNull(m.type());
      } else {
        return null;
      }
    }
    return t == null || v == null ? null : new Located(t, v);
  }

  /** For an alternate, the branch the JSON kind of {@code v} selects; other types as they are. */
  @Nullable QapiType resolveAlternate(@Nullable QapiType t, @Nullable JsonNode v) {
    if (!(t instanceof AlternateType a) || v == null) {
      return t;
    }
    int i = alternateBranch(a, v);
    return i < 0 ? null : schema.typeOrNull(a.branches().get(i).type());
  }

  /** The index of the branch of {@code a} that takes {@code v}'s JSON kind, or -1. */
  int alternateBranch(AlternateType a, JsonNode v) {
    for (int i = 0; i < a.branches().size(); i++) {
      QapiType bt = schema.typeOrNull(a.branches().get(i).type());
      if (bt != null && takes(bt.jsonType(), v)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean takes(JsonType kind, JsonNode v) {
    return switch (kind) {
      case INT, NUMBER -> v.isNumber();
      case STRING -> v.isString();
      case BOOLEAN -> v.isBoolean();
      case NULL -> v.isNull();
      case OBJECT -> v.isObject();
      case ARRAY -> v.isArray();
      case VALUE -> true;
    };
  }

  /**
   * The members object {@code v} may have as a value of {@code o}: a union's base, then those of
   * the branch its discriminator selects (nested unions followed), or {@code null} when the
   * discriminator does not select one.
   */
  @Nullable List<Member> members(ObjectType o, JsonNode v) {
    List<Member> out = new ArrayList<>(o.allMembers());
    ObjectType cur = o;
    while (cur instanceof UnionType u) {
      JsonNode tag = v.get(u.discriminator());
      Branch b = tag != null && tag.isString() ? u.branch(tag.asString()).orElse(null) : null;
      if (b == null) {
        boolean implicitEmptyBranch = u.isFlat() && tag != null && tag.isString()
            && u.tagType().value(tag.asString()).isPresent();
        return implicitEmptyBranch ? out : null;
      }
      if (!u.isFlat()) {
        out.add(Member.required(UnionType.SIMPLE_DATA_MEMBER, b.type()));
        return out;
      }
      cur = schema.typeOrNull(b.type()) instanceof ObjectType branch ? branch : StructType.EMPTY;
      out.addAll(cur.allMembers());
    }
    return out;
  }

  /** The unescaped segments of a JSON Pointer ({@code /a/b~1c} → {@code a}, {@code b/c}). */
  static List<String> segments(String pointer) {
    List<String> out = new ArrayList<>();
    if (pointer.isEmpty()) {
      return out;
    }
    for (String s : pointer.substring(1).split("/", -1)) {
      out.add(s.replace("~1", "/").replace("~0", "~"));
    }
    return out;
  }
}
