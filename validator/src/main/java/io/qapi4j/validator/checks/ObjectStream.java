package io.qapi4j.validator.checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.databind.JsonNode;

/**
 * One union object (or struct of more than 64 members) checked over a token stream: the chain of
 * member tables — the union's, then the branch its discriminator selects, recursively — grows as
 * discriminators come; members met before their table is known wait as trees; a bit per member
 * finds the missing ones and duplicates; unknown members are reported at the end, once it is
 * known whether the branch could be told (if not, the discriminator's error stands alone, as in
 * the tree walk).
 */
final class ObjectStream {

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
  /** The names met that no table of the chain declared when they came (rare): duplicates. */
  private Tokens.@Nullable Names unmatched;
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
          if (unmatched == null) {
            unmatched = new Tokens.Names(walk);
          }
          unmatched.add(name);
          p.nextToken();
          if (open) {
            JsonNode value = p.readValueAsTree();
            if (!walk.stringsClean()) {
              Tokens.requireNoSurrogates(value);
            }
            waiting.add(new Waiting(name, position, value));
          } else {
            unknown.add(new Unknown(name, position));
            Tokens.skip(p, walk);
          }
          continue;
        }
      }
      p.nextToken();
      ObjectCheck table = tables[t];
      ObjectCheck.MemberCheck m = table.members[i];
      int rank = firstRanks[t] + i;
      see(rank);
      boolean tag = open && t == count - 1 && m.name.equals(table.tagName);
      String tagValue = tag && p.currentToken() == JsonToken.VALUE_STRING ? p.getString() : null;
      ObjectCheck.streamMember(m, rank, p, walk);
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
      ObjectCheck.MemberCheck m = table.members[i];
      int rank = firstRanks[t] + i;
      see(rank);
      ObjectCheck.checkMember(m, rank, w.value, walk);
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
      ObjectCheck.MemberCheck[] ms = tables[t].members;
      for (int i = 0; i < ms.length; i++) {
        if (ms[i].required && !seen(firstRanks[t] + i)) {
          ObjectCheck.reportMissing(ms[i], firstRanks[t] + i, walk);
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
