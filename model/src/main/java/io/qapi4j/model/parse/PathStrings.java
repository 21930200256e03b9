package io.qapi4j.model.parse;

/**
 * Python's {@code os.path.dirname} and {@code os.path.join} on path strings, so that file names in
 * messages come out exactly as QEMU prints them (no normalisation).
 */
final class PathStrings {
  private PathStrings() {}

  /** {@code posixpath.dirname}. */
  static String dirname(String path) {
    int i = path.lastIndexOf('/') + 1;
    String head = path.substring(0, i);
    if (!head.isEmpty() && !head.chars().allMatch(c -> c == '/')) {
      int end = head.length();
      while (end > 0 && head.charAt(end - 1) == '/') {
        end--;
      }
      head = head.substring(0, end);
    }
    return head;
  }

  /** {@code posixpath.join(a, b)}. */
  static String join(String a, String b) {
    if (b.startsWith("/")) {
      return b;
    }
    if (a.isEmpty() || a.endsWith("/")) {
      return a + b;
    }
    return a + "/" + b;
  }
}
