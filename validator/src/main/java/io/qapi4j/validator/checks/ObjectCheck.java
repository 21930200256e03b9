package io.qapi4j.validator.checks;

import io.qapi4j.validator.CompatPolicy;
import io.qapi4j.validator.SchemaElement;
import io.qapi4j.validator.ViolationCode;
import java.util.ArrayList;
import java.util.Arrays;
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
  private MemberCheck[] members = new MemberCheck[0];
  private Map<String, MemberCheck> byName = Map.of();
  private PropertyNameMatcher matcher = BinaryNameMatcher.construct(List.of());
  /** For structs of up to 64 members: a bit per required member. */
  private long requiredBits;
  private @Nullable String tagName;
  private Map<String, ObjectCheck> variants = Map.of();

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
    for (int i = 0; i < members.length; i++) {
      MemberCheck m = members[i];
      JsonNode v = value.get(m.name);
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

  private static void checkMember(MemberCheck m, int rank, JsonNode v, Walk walk) {
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
    Tokens.Names names = unknown != null ? unknown : new Tokens.Names();
    names.add(name);
    if (walk.reportUnknownMembers()) {
      reportUnexpected(name, position, walk);
    }
    p.nextToken();
    Tokens.skip(p);
    return names;
  }

  private static void streamMember(MemberCheck m, int rank, JsonParser p, Walk walk) {
    enter(m, rank, walk);
    m.type.stream(p, walk, m.element);
    walk.pop();
  }

  /**
   * One union object (or struct of more than 64 members) over a token stream: the chain of member
   * tables grows as discriminators select branches; members met before their table is known wait
   * as trees; unknown members are reported at the end, once it is known whether the branch could
   * be told.
   */
  private static final class ObjectStream {

    /** A member that came before the discriminator that selects its table. */
    private static final class Waiting {
      final String name;
      final int position;
      final JsonNode value;
      boolean checked;

      Waiting(String name, int position, JsonNode value) {
        this.name = name;
        this.position = position;
        this.value = value;
      }
    }

    private final ObjectCheck root;
    private final Walk walk;
    private ObjectCheck[] tables = new ObjectCheck[2];
    private int[] firstRanks = new int[2];
    private int count;
    /** Whether the last table's discriminator is still to come. */
    private boolean open;
    private boolean branchKnown = true;
    private long[] seen = new long[2];
    private final Tokens.Names unmatched = new Tokens.Names();
    private final List<Waiting> waiting = new ArrayList<>(0);
    private final List<Unknown> unknown = new ArrayList<>(0);

    /** A member no table of the chain declares. */
    private record Unknown(String name, int position) {}

    ObjectStream(ObjectCheck root, Walk walk) {
      this.root = root;
      this.walk = walk;
      append(root, 0);
    }

    private void append(ObjectCheck table, int firstRank) {
      if (count == tables.length) {
        tables = Arrays.copyOf(tables, count * 2);
        firstRanks = Arrays.copyOf(firstRanks, count * 2);
      }
      tables[count] = table;
      firstRanks[count++] = firstRank;
      open = table.tagName != null;
    }

    void run(JsonParser p) {
      PropertyNameMatcher base = root.matcher;
      int position = 0;
      for (int i = p.nextNameMatch(base); i != PropertyNameMatcher.MATCH_END_OBJECT;
          i = p.nextNameMatch(base), position++) {
        int t = 0;
        if (i < 0) {
          if (i != PropertyNameMatcher.MATCH_UNKNOWN_NAME) {
            throw TreeFallback.INSTANCE;
          }
          String name = p.currentName();
          for (t = 1; t < count && (i = tables[t].matcher.matchName(name)) < 0; t++) {}
          if (t == count) {
            unmatched.add(name);
            p.nextToken();
            if (open) {
              waiting.add(new Waiting(name, position, p.readValueAsTree()));
            } else {
              unknown.add(new Unknown(name, position));
              Tokens.skip(p);
            }
            continue;
          }
        }
        p.nextToken();
        ObjectCheck table = tables[t];
        MemberCheck m = table.members[i];
        int rank = firstRanks[t] + i;
        see(rank);
        boolean tag = open && t == count - 1 && m.name.equals(table.tagName);
        String tagValue = tag && p.currentToken() == JsonToken.VALUE_STRING ? p.getString() : null;
        streamMember(m, rank, p, walk);
        if (tag) {
          select(tagValue);
        }
      }
      finish();
    }

    /** The last table's discriminator is {@code tag}: adds the branch it selects, if any. */
    private void select(@Nullable String tag) {
      int last = count - 1;
      ObjectCheck table = tables[last];
      ObjectCheck branch = tag == null ? null : table.variants.get(tag);
      if (branch == null) {
        open = false;
        branchKnown = false;
        return;
      }
      append(branch, firstRanks[last] + table.members.length);
      checkWaiting(count - 1);
    }

    /** Checks the waiting members that table {@code t}, just added, declares. */
    private void checkWaiting(int t) {
      ObjectCheck table = tables[t];
      for (Waiting w : waiting) {
        int i = w.checked ? -1 : table.matcher.matchName(w.name);
        if (i < 0) {
          continue;
        }
        w.checked = true;
        MemberCheck m = table.members[i];
        int rank = firstRanks[t] + i;
        see(rank);
        checkMember(m, rank, w.value, walk);
        if (open && t == count - 1 && m.name.equals(table.tagName)) {
          select(w.value.isString() ? w.value.asString() : null);
        }
      }
    }

    private void see(int rank) {
      int word = rank >>> 6;
      if (word >= seen.length) {
        seen = Arrays.copyOf(seen, word + 1);
      }
      long bit = 1L << rank;
      if ((seen[word] & bit) != 0) {
        throw TreeFallback.INSTANCE;
      }
      seen[word] |= bit;
    }

    private boolean seen(int rank) {
      int word = rank >>> 6;
      return word < seen.length && (seen[word] & (1L << rank)) != 0;
    }

    private void finish() {
      if (open) {
        branchKnown = false;
      }
      for (int t = 0; t < count; t++) {
        MemberCheck[] ms = tables[t].members;
        for (int i = 0; i < ms.length; i++) {
          if (ms[i].required && !seen(firstRanks[t] + i)) {
            reportMissing(ms[i], firstRanks[t] + i, walk);
          }
        }
      }
      if (branchKnown && walk.reportUnknownMembers()) {
        for (Unknown u : unknown) {
          root.reportUnexpected(u.name, u.position, walk);
        }
        for (Waiting w : waiting) {
          if (!w.checked) {
            root.reportUnexpected(w.name, w.position, walk);
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------- reports

  private static void reportMissing(MemberCheck m, int rank, Walk walk) {
    walk.reportMember(m.name, rank, ViolationCode.MISSING_MEMBER,
        "Parameter '" + walk.fullName(m.name) + "' is missing", m.element);
  }

  private void reportUnexpected(String name, int position, Walk walk) {
    walk.reportMember(name, Walk.UNKNOWN_MEMBERS + position, ViolationCode.UNEXPECTED_MEMBER,
        "Parameter '" + walk.fullName(name) + "' is unexpected", element);
  }

  private static void reportPolicy(MemberCheck m, Walk walk) {
    CompatPolicy policy = walk.policy();
    if (m.deprecated) {
      walk.reportPolicy(policy.deprecatedInput(), ViolationCode.DEPRECATED,
          "Deprecated parameter " + m.name + " disabled by policy", m.element);
    }
    if (m.unstable) {
      walk.reportPolicy(policy.unstableInput(), ViolationCode.UNSTABLE,
          "Unstable parameter " + m.name + " disabled by policy", m.element);
    }
  }
}
