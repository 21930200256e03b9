package io.qapi4j.validator.checks;

import io.qapi4j.validator.CompatPolicy;
import io.qapi4j.validator.SchemaElement;
import io.qapi4j.validator.ViolationCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.sym.BinaryNameMatcher;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.databind.JsonNode;

/**
 * A JSON object with known members: a struct, or a union (its base members, then the members of
 * the branch its discriminator selects, recursively for nested unions). Like QEMU's generated
 * visitors it visits the members in schema order ("is missing", type errors), then reports the
 * members it does not know ("is unexpected") — unless the branch could not be told, because the
 * discriminator is missing or wrong (that error is reported instead).
 *
 * <p>Over a token stream, members come in message order: each is checked as it comes, found by a
 * name matcher that reads the name's bytes without making a string; a bit per member finds the
 * missing ones and duplicates. A union member that comes before the discriminator that selects
 * its branch is kept as a tree until the branch is known.
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
  MemberCheck[] members = new MemberCheck[0];
  private Map<String, MemberCheck> byName = Map.of();
  PropertyNameMatcher matcher = BinaryNameMatcher.construct(List.of());
  /** For structs of up to 64 members: a bit per required member. */
  private long requiredBits;
  @Nullable String tagName;
  Map<String, ObjectCheck> variants = Map.of();

  ObjectCheck(SchemaElement element) {
    this.element = element;
  }

  void link(List<MemberCheck> members) {
    this.members = members.toArray(new MemberCheck[0]);
    Map<String, MemberCheck> map = new HashMap<>();
    List<String> names = new ArrayList<>();
    long required = 0;
    for (int i = 0; i < this.members.length; i++) {
      MemberCheck m = this.members[i];
      map.put(m.name, m);
      names.add(m.name);
      if (m.required && i < 64) {
        required |= 1L << i;
      }
    }
    this.byName = map;
    this.matcher = BinaryNameMatcher.construct(names);
    this.requiredBits = required;
  }

  /** Makes this a union: the value of member {@code tag} selects a variant's further members. */
  void linkVariants(String tag, Map<String, ObjectCheck> variants) {
    this.tagName = tag;
    this.variants = Map.copyOf(variants);
  }

  /** A struct without required members: an empty object has nothing missing, nothing unknown. */
  @Override
  public boolean acceptsEmptyObject() {
    return tagName == null && requiredBits == 0 && members.length <= 64;
  }

  // ---------------------------------------------------------------- tree

  @Override
  public void check(JsonNode value, Walk walk, @Nullable SchemaElement declared) {
    if (!value.isObject()) {
      walk.report(ViolationCode.INVALID_TYPE, invalidType(walk, "object"), declared);
      return;
    }
    if (tagName == null) {
      // A struct: one member table, the common case kept free of allocation.
      int present = checkMembers(value, walk, 0);
      if (walk.reportUnknownMembers() && present < value.size()) {
        reportUnknown(value, List.of(this), walk);
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
    int firstRank = 0;
    for (ObjectCheck table : chain) {
      present += table.checkMembers(value, walk, firstRank);
      firstRank += table.members.length;
    }
    if (branchKnown && walk.reportUnknownMembers() && present < value.size()) {
      reportUnknown(value, chain, walk);
    }
  }

  /**
   * Checks this table's members, whose ranks in schema order start at {@code firstRank}; returns
   * how many are present.
   */
  private int checkMembers(JsonNode value, Walk walk, int firstRank) {
    int present = 0;
    int size = value.size();
    for (int i = 0; i < members.length; i++) {
      MemberCheck m = members[i];
      // Once every member of the value was met, the rest are absent: no need to look them up.
      JsonNode v = present < size ? value.get(m.name) : null;
      if (v == null) {
        if (m.required) {
          reportMissing(m, firstRank + i, walk);
        }
        continue;
      }
      present++;
      checkMember(m, firstRank + i, v, walk);
    }
    return present;
  }

  private void reportUnknown(JsonNode value, List<ObjectCheck> chain, Walk walk) {
    int position = 0;
    for (String name : value.propertyNames()) {
      if (chain.stream().noneMatch(t -> t.byName.containsKey(name))) {
        reportUnexpected(name, position, walk);
      }
      position++;
    }
  }

  static void checkMember(MemberCheck m, int rank, JsonNode v, Walk walk) {
    enter(m, rank, walk);
    m.type.check(v, walk, m.element);
    walk.pop();
  }

  /** Enters member {@code m} of rank {@code rank}, reporting its use against the policy. */
  private static void enter(MemberCheck m, int rank, Walk walk) {
    walk.push(m.name, rank);
    if (walk.input() && (m.deprecated || m.unstable)) {
      reportPolicy(m, walk);
    }
  }

  // ---------------------------------------------------------------- token stream

  @Override
  public void stream(JsonParser parser, Walk walk, @Nullable SchemaElement declared) {
    if (!at(JsonToken.START_OBJECT, parser, "object", walk, declared)) {
      return;
    }
    if (tagName == null && members.length <= 64) {
      streamStruct(parser, walk);
    } else {
      new ObjectStream(this, walk).run(parser);
    }
  }

  /** A struct of at most 64 members: one bit each in a long, nothing allocated. */
  private void streamStruct(JsonParser p, Walk walk) {
    long seen = 0;
    Tokens.Names unknown = null;
    int position = 0;
    for (int i = p.nextNameMatch(matcher); i != PropertyNameMatcher.MATCH_END_OBJECT;
        i = p.nextNameMatch(matcher), position++) {
      if (i < 0) {
        unknown = skipUnknown(i, p, position, unknown, walk);
        continue;
      }
      long bit = 1L << i;
      if ((seen & bit) != 0) {
        throw TreeFallback.INSTANCE;
      }
      seen |= bit;
      p.nextToken();
      streamMember(members[i], i, p, walk);
    }
    long missing = requiredBits & ~seen;
    for (int i = 0; missing != 0; i++, missing >>>= 1) {
      if ((missing & 1) != 0) {
        reportMissing(members[i], i, walk);
      }
    }
  }

  /** Skips a member no table knows (reporting it); returns the names of those met so far. */
  private Tokens.Names skipUnknown(int match, JsonParser p, int position,
      Tokens.@Nullable Names unknown, Walk walk) {
    if (match != PropertyNameMatcher.MATCH_UNKNOWN_NAME) {
      throw TreeFallback.INSTANCE;
    }
    String name = p.currentName();
    Tokens.Names names = unknown != null ? unknown : new Tokens.Names(walk);
    names.add(name);
    if (walk.reportUnknownMembers()) {
      reportUnexpected(name, position, walk);
    }
    p.nextToken();
    Tokens.skip(p, walk);
    return names;
  }

  static void streamMember(MemberCheck m, int rank, JsonParser p, Walk walk) {
    enter(m, rank, walk);
    m.type.stream(p, walk, m.element);
    walk.pop();
  }

  // ---------------------------------------------------------------- reports

  static void reportMissing(MemberCheck m, int rank, Walk walk) {
    walk.reportMember(m.name, rank, ViolationCode.MISSING_MEMBER,
        "Parameter '" + walk.fullName(m.name) + "' is missing", m.element);
  }

  void reportUnexpected(String name, int position, Walk walk) {
    walk.reportMember(name, Walk.UNKNOWN_MEMBERS + position, ViolationCode.UNEXPECTED_MEMBER,
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
