package io.qapi4j.cli;

import io.qapi4j.validator.ViolationCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Findings grouped by command or event name and code, with counts and the first few lines of each
 * group: bounded memory however many findings come (at most {@value #MAX_GROUPS} groups, then the
 * names are lumped together; at most {@code listed} lines a group).
 */
final class FindingGroups {

  static final int MAX_GROUPS = 1000;

  /** What a name-less finding is filed under (a reply to an unknown command, malformed input). */
  static final String NO_NAME = "(no name)";

  /** Where findings go once there are {@value #MAX_GROUPS} groups. */
  static final String OTHER_NAMES = "(other names)";

  /** A group's key. */
  record Key(String name, @Nullable ViolationCode code) {}

  /** A group: how many findings, and the first of them. */
  static final class Group {
    private long count;
    private final List<String> lines = new ArrayList<>();

    long count() {
      return count;
    }

    List<String> lines() {
      return lines;
    }
  }

  private static final Comparator<Key> ORDER = Comparator.comparing(Key::name)
      .thenComparing(k -> k.code() == null ? "" : k.code().name());

  private final int listed;
  private final Map<Key, Group> groups = new TreeMap<>(ORDER);

  FindingGroups(int listed) {
    this.listed = listed;
  }

  /** Files a finding (its printed {@code line}) under {@code name} and {@code code}. */
  void add(@Nullable String name, @Nullable ViolationCode code, String line) {
    Key key = new Key(name == null ? NO_NAME : name, code);
    if (!groups.containsKey(key) && groups.size() >= MAX_GROUPS) {
      key = new Key(OTHER_NAMES, code);
    }
    Group group = groups.computeIfAbsent(key, k -> new Group());
    group.count++;
    if (group.lines.size() < listed) {
      group.lines.add(line);
    }
  }

  /** The groups, by name then code. */
  Map<Key, Group> groups() {
    return groups;
  }
}
