package io.qapi4j.dsl;

import java.util.Collection;

/** "Did you mean" suggestions for misspelt names. */
final class Names {
  private Names() {}

  /** {@code " (did you mean 'x'?)"} for the closest candidate, or {@code ""} when none is close. */
  static String didYouMean(String name, Collection<String> candidates) {
    String best = closest(name, candidates);
    return best == null ? "" : " (did you mean '" + best + "'?)";
  }

  /** The candidate closest to {@code name} by edit distance, if close enough to be a typo. */
  static @org.jspecify.annotations.Nullable String closest(String name, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    int limit = Math.max(1, Math.min(3, name.length() / 3));
    for (String c : candidates) {
      int d = distance(name, c);
      if (d < bestDistance && d <= limit && 2 * d < name.length()) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
