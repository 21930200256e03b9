package io.qapi4j.model.print;

/**
 * Writes QAPI string literals. QAPI strings are single-quoted, hold only printable ASCII (32 to
 * 126) and know one escape, {@code \\} for a backslash; so a single quote and anything outside
 * printable ASCII cannot be written at all.
 */
final class QapiStrings {
  private QapiStrings() {}

  /**
   * The literal for {@code text}, e.g. {@code 'a\\b'} for {@code a\b}.
   *
   * @throws IllegalArgumentException when {@code text} holds a character no QAPI string can hold
   */
  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('\'');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'') {
        throw unrepresentable(text, "a single quote");
      }
      if (c < 32 || c > 126) {
        throw unrepresentable(text, String.format("the character U+%04X", (int) c));
      }
      if (c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.append('\'').toString();
  }

  private static IllegalArgumentException unrepresentable(String text, String what) {
    return new IllegalArgumentException("cannot write \"" + escapeForMessage(text)
        + "\" as a QAPI string: it contains " + what
        + " (QAPI strings hold only printable ASCII and no single quote)");
  }

  private static String escapeForMessage(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(cp -> {
      if (cp >= 32 && cp < 127) {
        out.append((char) cp);
      } else {
        out.append(String.format("\\u%04X", cp));
      }
    });
    return out.toString();
  }
}
