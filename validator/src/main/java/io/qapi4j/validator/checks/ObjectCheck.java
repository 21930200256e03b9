package io.qapi4j.validator.checks;

import io.qapi4j.validator.CompatPolicy;
import io.qapi4j.validator.SchemaElement;
import io.qapi4j.validator.ViolationCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A JSON object with known members: a struct, or a union (its base members, then the members of
 * the branch its discriminator selects, recursively for nested unions). Like QEMU's generated
 * visitors it visits the members in schema order ("is missing", type errors), then reports the
 * members it does not know ("is unexpected") — unless the branch could not be told, because the
 * discriminator is missing or wrong (that error is reported instead).
 */
final class ObjectCheck extends TypeCheck {

  /** One member: its name, whether required, its type, where it was declared. */
  static final class MemberCheck {
    final String name;
    final boolean required;
    final SchemaElement element;
    final boolean deprecated;
    final boolean unstable;
    TypeCheck type = ScalarChecks.ANY;

    MemberCheck(String name, boolean required, SchemaElement element, boolean deprecated,
        boolean unstable) {
      this.name = name;
      this.required = required;
      this.element = element;
      this.deprecated = deprecated;
      this.unstable = unstable;
    }
  }

  private final SchemaElement element;
  private MemberCheck[] members = new MemberCheck[0];
  private Map<String, MemberCheck> byName = Map.of();
  private @Nullable String tagName;
  private Map<String, ObjectCheck> variants = Map.of();

  ObjectCheck(SchemaElement element) {
    this.element = element;
  }

  void link(List<MemberCheck> members) {
    this.members = members.toArray(new MemberCheck[0]);
    Map<String, MemberCheck> map = new HashMap<>();
    for (MemberCheck m : members) {
      map.put(m.name, m);
    }
    this.byName = map;
  }

  /** Makes this a union: the value of member {@code tag} selects a variant's further members. */
  void linkVariants(String tag, Map<String, ObjectCheck> variants) {
    this.tagName = tag;
    this.variants = Map.copyOf(variants);
  }

  @Override
  public void check(JsonNode value, Walk walk, @Nullable SchemaElement declared) {
    if (!value.isObject()) {
      walk.report(ViolationCode.INVALID_TYPE, invalidType(walk, "object"), declared);
      return;
    }
    if (tagName == null) {
      // A struct: one member table, the common case kept free of allocation.
      int present = checkMembers(value, walk);
      if (walk.reportUnknownMembers() && present < value.size()) {
        for (String name : value.propertyNames()) {
          if (!byName.containsKey(name)) {
            reportUnexpected(name, walk);
          }
        }
      }
      return;
    }
    List<ObjectCheck> chain = new ArrayList<>(3);
    boolean branchKnown = true;
    for (ObjectCheck cur = this; cur != null; ) {
      chain.add(cur);
      if (cur.tagName == null) {
        break;
      }
      JsonNode tag = value.get(cur.tagName);
      cur = tag != null && tag.isString() ? cur.variants.get(tag.asString()) : null;
      branchKnown = cur != null;
    }
    int present = 0;
    for (ObjectCheck table : chain) {
      present += table.checkMembers(value, walk);
    }
    if (branchKnown && walk.reportUnknownMembers() && present < value.size()) {
      for (String name : value.propertyNames()) {
        if (chain.stream().noneMatch(t -> t.byName.containsKey(name))) {
          reportUnexpected(name, walk);
        }
      }
    }
  }

  /** Checks this table's members; returns how many are present. */
  private int checkMembers(JsonNode value, Walk walk) {
    int present = 0;
    for (MemberCheck m : members) {
      JsonNode v = value.get(m.name);
      if (v == null) {
        if (m.required) {
          walk.reportMember(m.name, ViolationCode.MISSING_MEMBER,
              "Parameter '" + walk.fullName(m.name) + "' is missing", m.element);
        }
        continue;
      }
      present++;
      walk.push(m.name);
      if (walk.input() && (m.deprecated || m.unstable)) {
        reportPolicy(m, walk);
      }
      m.type.check(v, walk, m.element);
      walk.pop();
    }
    return present;
  }

  private void reportUnexpected(String name, Walk walk) {
    walk.reportMember(name, ViolationCode.UNEXPECTED_MEMBER,
        "Parameter '" + walk.fullName(name) + "' is unexpected", element);
  }

  private static void reportPolicy(MemberCheck m, Walk walk) {
    CompatPolicy policy = walk.policy();
    if (m.deprecated) {
      walk.reportPolicy(policy.deprecatedInput(), ViolationCode.DEPRECATED, "parameter", m.name,
          m.element);
    }
    if (m.unstable) {
      walk.reportPolicy(policy.unstableInput(), ViolationCode.UNSTABLE, "parameter", m.name,
          m.element);
    }
  }
}
