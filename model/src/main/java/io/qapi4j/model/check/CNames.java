package io.qapi4j.model.check;

import java.util.Set;
import java.util.regex.Pattern;

/** QEMU's {@code c_name()}: how schema names map to C identifiers, used for clash checks. */
final class CNames {
  private CNames() {}

  private static final Pattern NON_C = Pattern.compile("[^A-Za-z0-9_]");

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
    String c = NON_C.matcher(name).replaceAll("_");
    if (protect && (TICKLISH.contains(c) || (!c.isEmpty() && Character.isDigit(c.charAt(0))))) {
      return "q_" + c;
    }
    return c;
  }

  /** {@code c_name(name)} with protection, as used for clash detection. */
  static String cName(String name) {
    return cName(name, true);
  }
}
