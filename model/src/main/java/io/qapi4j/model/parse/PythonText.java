package io.qapi4j.model.parse;

/**
 * Character classes as QEMU's front end (Python) sees them, so that positions and token
 * boundaries match its messages exactly.
 */
final class PythonText {
  private PythonText() {}

  /** Python's {@code str.isspace()} (and {@code \s} in a {@code re} pattern) for one code point. */
  static boolean isSpace(int c) {
    if (c <= ' ') {
      return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
    }
    return c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a)
        || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
  }

  /** Python's {@code str.rstrip()}. */
  static String rstrip(String s) {
    return rstrip(s, 0, s.length());
  }

  /** Python's {@code s[from:to].rstrip()}, as one substring. */
  static String rstrip(String s, int from, int to) {
    int end = to;
    while (end > from && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(from, end);
  }

  /** Number of leading whitespace characters ({@code re.match(r'\s*', s).end()}). */
  static int indent(String s) {
    int i = 0;
    while (i < s.length() && isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Python's {@code len()}: code points, not UTF-16 units. */
  static int length(String s) {
    return s.codePointCount(0, s.length());
  }

  /**
   * QEMU's column of {@code pos} in a line starting at {@code lineStart}: 1-based, code points, and
   * a tab sets the column to {@code (col + 7) % 8 + 1}.
   */
  static int column(String src, int lineStart, int pos) {
    int col = 1;
    for (int i = lineStart; i < pos && i < src.length(); i++) {
      char ch = src.charAt(i);
      if (Character.isLowSurrogate(ch) && i > lineStart && Character.isHighSurrogate(src.charAt(i - 1))) {
        continue;
      }
      col = ch == '\t' ? (col + 7) % 8 + 1 : col + 1;
    }
    return col;
  }
}
