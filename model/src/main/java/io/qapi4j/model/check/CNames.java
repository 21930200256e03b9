package io.qapi4j.model.check;

import java.util.Set;

/** QEMU's {@code c_name()}: how schema names map to C identifiers, used for clash checks. */
final class CNames {
  private CNames() {}

  private static final Set<String> TICKLISH = Set.of(
      // C89
      "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else",
      "enum", "extern", "float", "for", "goto", "if", "int", "long", "register", "return",
      "short", "signed", "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned",
      "void", "volatile", "while",
      // C99, C11
      "inline", "restrict", "_Bool", "_Complex", "_Imaginary", "_Alignas", "_Alignof", "_Atomic",
      "_Generic", "_Noreturn", "_Static_assert", "_Thread_local",
      // GCC
      "asm", "typeof",
      // C++
      "bool", "catch", "class", "const_cast", "delete", "dynamic_cast", "explicit", "false",
      "friend", "mutable", "namespace", "new", "operator", "private", "protected", "public",
      "reinterpret_cast", "static_cast", "template", "this", "throw", "true", "try", "typeid",
      "typename", "using", "virtual", "wchar_t", "and", "and_eq", "bitand", "bitor", "compl",
      "not", "not_eq", "or", "or_eq", "xor", "xor_eq",
      // namespace pollution
      "unix", "errno", "mips", "sparc", "i386", "linux");

  /** {@code c_name(name, protect)}. */
  static String cName(String name, boolean protect) {
    String c = cChars(name);
    if (protect && (TICKLISH.contains(c) || (!c.isEmpty() && Character.isDigit(c.charAt(0))))) {
      return "q_" + c;
    }
    return c;
  }

  /**
   * {@code name} with every character but ASCII letters, digits and {@code _} replaced by {@code
   * _} (one for a character outside the BMP). A loop, not a regex: every name of a schema comes
   * here, and most have nothing to replace.
   */
  private static String cChars(String name) {
    int i = 0;
    while (i < name.length() && isC(name.charAt(i))) {
      i++;
    }
    if (i == name.length()) {
      return name;
    }
    StringBuilder b = new StringBuilder(name.length()).append(name, 0, i);
    while (i < name.length()) {
      int cp = name.codePointAt(i);
      b.append(cp < 0x80 && isC((char) cp) ? (char) cp : '_');
      i += Character.charCount(cp);
    }
    return b.toString();
  }

  /**
   * Whether {@code c_name(name, false)} starts with {@code prefix} (ASCII letters and digits, then
   * one {@code _}), found without building it: the letters are the name's own, and the {@code _}
   * is a {@code _} or any character {@code c_name} replaces.
   */
  static boolean cNameStartsWith(String name, String prefix) {
    int last = prefix.length() - 1;
    if (name.length() <= last || !name.regionMatches(0, prefix, 0, last)) {
      return false;
    }
    char c = name.charAt(last);
    return c == '_' || !isC(c);
  }

  private static boolean isC(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  /** {@code c_name(name)} with protection, as used for clash detection. */
  static String cName(String name) {
    return cName(name, true);
  }
}
