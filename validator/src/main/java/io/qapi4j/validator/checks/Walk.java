package io.qapi4j.validator.checks;

import io.qapi4j.validator.CompatPolicy;
import io.qapi4j.validator.SchemaElement;
import io.qapi4j.validator.Severity;
import io.qapi4j.validator.Violation;
import io.qapi4j.validator.ViolationCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The state of one payload check: where in the value the checks are (a stack of member names and
 * array indexes), what was found, and the rules in force. Positions become strings only when a
 * violation is reported, so a clean message costs no allocation here.
 *
 * <p>Violations come out in schema order: members in the order the type declares them, then the
 * members it does not know in message order. A tree walk visits them in that order; a walk over
 * the token stream ({@link #streaming}) meets them in message order, so it keeps each
 * violation's position in schema order and sorts them in {@link #finish()}.
 */
public final class Walk {

  /** Where members the schema does not know sort: after every declared member. */
  static final int UNKNOWN_MEMBERS = 1 << 24;

  /** The members entered, {@code null} where an array element was entered. */
  private @Nullable String[] members = new String[8];
  /** Per level its rank in schema order: the member's index in its type, or the array index. */
  private int[] ranks = new int[8];
  private int depth;
  private final String pointerPrefix;
  private final @Nullable String pathRoot;
  private final boolean input;
  private final boolean reportUnknownMembers;
  private final CompatPolicy policy;
  private final List<Violation> out;
  /** When streaming: the violations so far and their schema-order positions, until finish(). */
  private @Nullable List<Ranked> pending;
  /** When streaming: whether the input's strings are known to be clean (see streaming()). */
  private boolean stringsClean;

  private record Ranked(int[] position, Violation violation) {}

  private static final Comparator<Ranked> SCHEMA_ORDER =
      (a, b) -> Arrays.compare(a.position, b.position);

  /**
   * Starts a walk over one payload.
   *
   * @param pointerPrefix the payload's JSON Pointer in the message ({@code /arguments})
   * @param pathRoot the payload's name in dotted paths ({@code return}), or {@code null} for
   *     arguments, whose paths start at their members as in QEMU
   * @param input whether the payload is client input (QEMU's input visitor rules)
   * @param reportUnknownMembers whether members the schema does not know are violations
   * @param policy what to do with deprecated and unstable input
   * @param out where violations go
   */
  public Walk(String pointerPrefix, @Nullable String pathRoot, boolean input,
      boolean reportUnknownMembers, CompatPolicy policy, List<Violation> out) {
    this.pointerPrefix = pointerPrefix;
    this.pathRoot = pathRoot;
    this.input = input;
    this.reportUnknownMembers = reportUnknownMembers;
    this.policy = policy;
    this.out = out;
  }

  /**
   * Makes this walk one over a token stream, which meets members in message order: violations
   * are held back and go out in schema order at {@link #finish()}.
   *
   * @param stringsClean whether every string and member name of the input is known to be text
   *     QEMU's parser takes (well-formed, no lone surrogate, within its limits): then strings no
   *     check reads are skipped without being decoded; else each is decoded and looked at, and one
   *     that may hold what QEMU refuses gives way to the tree walk
   */
  public Walk streaming(boolean stringsClean) {
    pending = new ArrayList<>(0);
    this.stringsClean = stringsClean;
    return this;
  }

  /** Puts the violations of a streaming walk out, in schema order (a tree walk has none held). */
  public void finish() {
    if (pending != null && !pending.isEmpty()) {
      pending.sort(SCHEMA_ORDER);   // stable: equal positions keep the order they were found in
      for (Ranked r : pending) {
        out.add(r.violation);
      }
      pending.clear();
    }
  }

  boolean input() {
    return input;
  }

  boolean stringsClean() {
    return stringsClean;
  }

  boolean reportUnknownMembers() {
    return reportUnknownMembers;
  }

  CompatPolicy policy() {
    return policy;
  }

  /** Enters member {@code member}, the {@code rank}-th in its type's schema order. */
  void push(String member, int rank) {
    grow();
    members[depth] = member;
    ranks[depth++] = rank;
  }

  /** Enters array element {@code index}. */
  void push(int index) {
    grow();
    members[depth] = null;
    ranks[depth++] = index;
  }

  void pop() {
    depth--;
  }

  private void grow() {
    if (depth == members.length) {
      members = Arrays.copyOf(members, depth * 2);
      ranks = Arrays.copyOf(ranks, depth * 2);
    }
  }

  /** The JSON Pointer of the current position, optionally one member further. */
  String pointer(@Nullable String member) {
    StringBuilder b = new StringBuilder(pointerPrefix);
    for (int i = 0; i < depth; i++) {
      b.append('/');
      String entered = members[i];
      if (entered == null) {
        b.append(ranks[i]);
      } else {
        appendEscaped(b, entered);
      }
    }
    if (member != null) {
      b.append('/');
      appendEscaped(b, member);
    }
    return b.toString();
  }

  private static void appendEscaped(StringBuilder b, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '~') {
        b.append("~0");
      } else if (c == '/') {
        b.append("~1");
      } else {
        b.append(c);
      }
    }
  }

  /** QEMU's {@code full_name()}: {@code a.b[2].c}, optionally one member further. */
  String fullName(@Nullable String member) {
    StringBuilder b = new StringBuilder();
    if (pathRoot != null) {
      b.append(pathRoot);
    }
    for (int i = 0; i < depth; i++) {
      String entered = members[i];
      if (entered == null) {
        b.append('[').append(ranks[i]).append(']');
      } else {
        if (b.length() > 0) {
          b.append('.');
        }
        b.append(entered);
      }
    }
    if (member != null) {
      if (b.length() > 0) {
        b.append('.');
      }
      b.append(member);
    }
    return b.length() == 0 ? "<anonymous>" : b.toString();
  }

  /** The name QEMU's range, enum and alternate messages use: the last member, or "null". */
  String ownName() {
    if (depth == 0) {
      return pathRoot != null ? pathRoot : "null";
    }
    String member = members[depth - 1];
    return member != null ? member : "null";
  }

  void report(ViolationCode code, String message, @Nullable SchemaElement element) {
    add(new Violation(pointer(null), fullName(null), code, message, Severity.ERROR, element), -1);
  }

  /** Reports about member {@code member} of the current object, {@code rank}-th in schema order. */
  void reportMember(String member, int rank, ViolationCode code, String message,
      @Nullable SchemaElement element) {
    add(new Violation(pointer(member), fullName(member), code, message, Severity.ERROR, element),
        rank);
  }

  /**
   * Reports the use of something deprecated or unstable ({@code code}) of kind {@code kind}
   * ("parameter", "value") named {@code name}, as {@code action} says.
   */
  void reportPolicy(CompatPolicy.Action action, ViolationCode code, String kind, String name,
      @Nullable SchemaElement element) {
    if (action == CompatPolicy.Action.ACCEPT) {
      return;
    }
    add(new Violation(pointer(null), fullName(null), code,
        policyMessage(action, code, kind, name), severity(action), element), -1);
  }

  /** The severity of a violation of {@code action}: an error for reject, else a warning. */
  public static Severity severity(CompatPolicy.Action action) {
    return action == CompatPolicy.Action.REJECT ? Severity.ERROR : Severity.WARNING;
  }

  /**
   * The message for the use of a deprecated or unstable command, parameter or value: under
   * {@code reject} QEMU's own ("%s %s %s disabled by policy", qapi/qapi-util.c since 6.2: the
   * name unquoted, a member's own name); under {@code warn}, which QEMU does not have, "...
   * accepted by policy".
   */
  public static String policyMessage(CompatPolicy.Action action, ViolationCode code, String kind,
      String name) {
    String adjective = code == ViolationCode.DEPRECATED ? "Deprecated" : "Unstable";
    return adjective + " " + kind + " " + name
        + (action == CompatPolicy.Action.REJECT ? " disabled by policy" : " accepted by policy");
  }

  /** Adds {@code v}, found at the current position, or at its member of rank {@code rank} ≥ 0. */
  private void add(Violation v, int rank) {
    if (pending == null) {
      out.add(v);
      return;
    }
    int[] position = Arrays.copyOf(ranks, rank < 0 ? depth : depth + 1);
    if (rank >= 0) {
      position[depth] = rank;
    }
    pending.add(new Ranked(position, v));
  }
}
