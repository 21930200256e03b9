package io.qapi4j.model.check;

import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * QEMU's naming rules ({@code check_name_*} in {@code expr.py}). In the compat dialect a name that
 * is valid but breaks a case convention introduced later is a warning, not an error.
 *
 * <p>QEMU states the rules as regexes; here they are loops over the characters, because every
 * name of a schema is checked (NameRulesTest pins each loop to the regex it stands for).
 */
final class NameRules {

  private final boolean compat;
  private final Consumer<io.qapi4j.model.Diagnostic> warnings;

  NameRules(boolean compat, Consumer<io.qapi4j.model.Diagnostic> warnings) {
    this.compat = compat;
    this.warnings = warnings;
  }

  /** {@code check_name_str}: returns the stem. */
  String checkNameStr(String name, Info info, String source) {
    String stem = stem(name);
    if (stem == null || CNames.cNameStartsWith(name, "q_")) {
      if (!compat) {
        throw new CheckException(info.error(source + " has an invalid name"));
      }
      // Before QEMU 2.6 names were not validated ('l1_grow.alloc_table' was a value).
      warnings.accept(info.warning(source + " has an invalid name"));
      return stem != null ? stem : name;
    }
    return stem;
  }

  /** {@code check_name_upper}: event names. */
  void checkNameUpper(String name, Info info, String source) {
    String stem = checkNameStr(name, info, source);
    if (hasLowerOrDash(stem)) {
      fail(info, "name of " + source + " must not use lowercase or '-'");
    }
  }

  /** {@code check_name_lower}: command and member names. */
  void checkNameLower(String name, Info info, String source, boolean permitUpper,
      boolean permitUnderscore) {
    String stem = checkNameStr(name, info, source);
    if ((!permitUpper && hasUpper(stem)) || (!permitUnderscore && stem.indexOf('_') >= 0)) {
      fail(info, "name of " + source + " must not use uppercase or '_'");
    }
  }

  /** {@code check_name_camel}: type names. */
  void checkNameCamel(String name, Info info, String source) {
    String stem = checkNameStr(name, info, source);
    if (!isCamel(stem)) {
      fail(info, "name of " + source + " must use CamelCase");
    }
  }

  /** {@code check_defn_name_str}. */
  void checkDefinitionName(String name, Info info, String meta, boolean commandNameException) {
    switch (meta) {
      case "event" -> checkNameUpper(name, info, meta);
      case "command" -> checkNameLower(name, info, meta, false, commandNameException);
      default -> {
        checkNameCamel(name, info, meta);
        if (name.endsWith("List")) {
          fail(info, meta + " name should not end in 'List'");
        }
      }
    }
  }

  /** A convention QEMU enforces today: an error, or in compat a warning. */
  void fail(Info info, String message) {
    if (compat) {
      warnings.accept(info.warning(message));
    } else {
      throw new CheckException(info.error(message));
    }
  }

  /**
   * The stem of a valid name, or {@code null}: QEMU's {@code
   * (__[a-z0-9.-]+_)?(x-)?([a-z][a-z0-9_-]*)}, ASCII case ignored, matching the whole name; the
   * stem is its third group.
   */
  static @Nullable String stem(String name) {
    int start = 0;
    if (name.startsWith("__")) {
      int end = 2;
      while (end < name.length() && isVendorChar(name.charAt(end))) {
        end++;
      }
      // The vendor run cannot hold '_', so only its longest form can be followed by one.
      if (end == 2 || end == name.length() || name.charAt(end) != '_') {
        return null;
      }
      start = end + 1;
    }
    if (name.startsWith("x-", start) || name.startsWith("X-", start)) {
      if (isStem(name, start + 2)) {
        return name.substring(start + 2);
      }
      // The regex then tries without "x-": 'x' starts the stem, '-' continues it.
    }
    return isStem(name, start) ? name.substring(start) : null;
  }

  /** {@code [a-z][a-z0-9_-]*}, ASCII case ignored, matching {@code name} from {@code from}. */
  private static boolean isStem(String name, int from) {
    if (from >= name.length() || !isLetter(name.charAt(from))) {
      return false;
    }
    for (int i = from + 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!isLetter(c) && !isDigit(c) && c != '_' && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean isVendorChar(char c) {
    return isLetter(c) || isDigit(c) || c == '.' || c == '-';
  }

  /** {@code [A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*} matching the whole of {@code s}. */
  static boolean isCamel(String s) {
    if (s.isEmpty() || !isUpper(s.charAt(0))) {
      return false;
    }
    boolean lower = false;
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isLower(c)) {
        lower = true;
      } else if (!isUpper(c) && !isDigit(c)) {
        return false;
      }
    }
    return lower;
  }

  /** Whether {@code [a-z-]} is found in {@code s}. */
  static boolean hasLowerOrDash(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isLower(c) || c == '-') {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code [A-Z]} is found in {@code s}. */
  static boolean hasUpper(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (isUpper(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** A configuration symbol of an {@code 'if'}: {@code [A-Z][A-Z0-9_]*}, the whole string. */
  static boolean isConditionSymbol(String s) {
    if (s.isEmpty() || !isUpper(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isUpper(c) && !isDigit(c) && c != '_') {
        return false;
      }
    }
    return true;
  }

  private static boolean isLetter(char c) {
    return isLower(c) || isUpper(c);
  }

  private static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
