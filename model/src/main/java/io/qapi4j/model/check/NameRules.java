package io.qapi4j.model.check;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * QEMU's naming rules ({@code check_name_*} in {@code expr.py}). In the compat dialect a name that
 * is valid but breaks a case convention introduced later is a warning, not an error.
 */
final class NameRules {

  private static final Pattern VALID_NAME =
      Pattern.compile("(__[a-z0-9.-]+_)?(x-)?([a-z][a-z0-9_-]*)", Pattern.CASE_INSENSITIVE);
  private static final Pattern CAMEL = Pattern.compile("[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*");
  private static final Pattern LOWER_OR_DASH = Pattern.compile("[a-z-]");
  private static final Pattern UPPER = Pattern.compile("[A-Z]");

  private final boolean compat;
  private final Consumer<io.qapi4j.model.Diagnostic> warnings;

  NameRules(boolean compat, Consumer<io.qapi4j.model.Diagnostic> warnings) {
    this.compat = compat;
    this.warnings = warnings;
  }

  /** {@code check_name_str}: returns the stem. */
  String checkNameStr(String name, Info info, String source) {
    Matcher m = VALID_NAME.matcher(name);
    if (!m.matches() || CNames.cName(name, false).startsWith("q_")) {
      if (!compat) {
        throw new CheckException(info.error(source + " has an invalid name"));
      }
      // Before QEMU 2.6 names were not validated ('l1_grow.alloc_table' was a value).
      warnings.accept(info.warning(source + " has an invalid name"));
      return m.matches() ? m.group(3) : name;
    }
    return m.group(3);
  }

  /** {@code check_name_upper}: event names. */
  void checkNameUpper(String name, Info info, String source) {
    String stem = checkNameStr(name, info, source);
    if (LOWER_OR_DASH.matcher(stem).find()) {
      fail(info, "name of " + source + " must not use lowercase or '-'");
    }
  }

  /** {@code check_name_lower}: command and member names. */
  void checkNameLower(String name, Info info, String source, boolean permitUpper,
      boolean permitUnderscore) {
    String stem = checkNameStr(name, info, source);
    if ((!permitUpper && UPPER.matcher(stem).find()) || (!permitUnderscore && stem.indexOf('_') >= 0)) {
      fail(info, "name of " + source + " must not use uppercase or '_'");
    }
  }

  /** {@code check_name_camel}: type names. */
  void checkNameCamel(String name, Info info, String source) {
    String stem = checkNameStr(name, info, source);
    if (!CAMEL.matcher(stem).matches()) {
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
}
