package io.qapi4j.validator.checks;

import io.qapi4j.validator.CompatPolicy;
import io.qapi4j.validator.SchemaElement;
import io.qapi4j.validator.Severity;
import io.qapi4j.validator.Violation;
import io.qapi4j.validator.ViolationCode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The state of one payload check: where in the value the checks are (a stack of member names and
 * array indexes), what was found, and the rules in force. Positions become strings only when a
 * violation is reported, so a clean message costs no allocation here.
 */
public final class Walk {

  private Object[] segments = new Object[16];
  private int depth;
  private final String pointerPrefix;
  private final @Nullable String pathRoot;
  private final boolean input;
  private final boolean reportUnknownMembers;
  private final CompatPolicy policy;
  private final List<Violation> out;

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

  boolean input() {
    return input;
  }

  boolean reportUnknownMembers() {
    return reportUnknownMembers;
  }

  CompatPolicy policy() {
    return policy;
  }

  void push(String member) {
    grow();
    segments[depth++] = member;
  }

  void push(int index) {
    grow();
    segments[depth++] = index;
  }

  void pop() {
    depth--;
  }

  private void grow() {
    if (depth == segments.length) {
      Object[] bigger = new Object[depth * 2];
      System.arraycopy(segments, 0, bigger, 0, depth);
      segments = bigger;
    }
  }

  /** The JSON Pointer of the current position, optionally one member further. */
  String pointer(@Nullable String member) {
    StringBuilder b = new StringBuilder(pointerPrefix);
    for (int i = 0; i < depth; i++) {
      b.append('/');
      appendEscaped(b, segments[i].toString());
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
      Object s = segments[i];
      if (s instanceof Integer index) {
        b.append('[').append(index).append(']');
      } else {
        if (b.length() > 0) {
          b.append('.');
        }
        b.append(s);
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
    return segments[depth - 1] instanceof String s ? s : "null";
  }

  void report(ViolationCode code, String message, @Nullable SchemaElement element) {
    out.add(new Violation(pointer(null), fullName(null), code, message, Severity.ERROR, element));
  }

  void reportMember(String member, ViolationCode code, String message,
      @Nullable SchemaElement element) {
    out.add(new Violation(pointer(member), fullName(member), code, message, Severity.ERROR, element));
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
    out.add(new Violation(pointer(null), fullName(null), code,
        policyMessage(action, code, kind, name), severity(action), element));
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

  /** A new list for callers that need to collect violations of their own. */
  static List<Violation> newList() {
    return new ArrayList<>();
  }
}
