package io.qapi4j.model;

import java.util.function.Predicate;

/**
 * Evaluates the subset of C preprocessor expressions that pre-6.2 QAPI {@code 'if'} strings use.
 * Unknown syntax evaluates to {@code false}, the safe answer for "is this compiled in".
 */
final class CExpressionEvaluator {
  private final String text;
  private final Predicate<String> defined;
  private int pos;
  private boolean failed;

  CExpressionEvaluator(String text, Predicate<String> defined) {
    this.text = text;
    this.defined = defined;
  }

  boolean evaluate() {
    boolean value = or(true);
    skipSpace();
    return !failed && pos == text.length() && value;
  }

  /** Visits every symbol, evaluating all operands (no short-circuit). */
  void collectAll() {
    or(false);
  }

  private boolean or(boolean shortCircuit) {
    boolean value = and(shortCircuit);
    while (consume("||")) {
      boolean right = and(shortCircuit);
      value = value || right;
    }
    return value;
  }

  private boolean and(boolean shortCircuit) {
    boolean value = unary(shortCircuit);
    while (consume("&&")) {
      boolean right = unary(shortCircuit);
      value = value && right;
    }
    return value;
  }

  private boolean unary(boolean shortCircuit) {
    if (consume("!")) {
      return !unary(shortCircuit);
    }
    if (consume("(")) {
      boolean value = or(shortCircuit);
      if (!consume(")")) {
        failed = true;
      }
      return value;
    }
    String word = identifier();
    if (word.equals("defined")) {
      boolean paren = consume("(");
      String symbol = identifier();
      if (paren && !consume(")")) {
        failed = true;
      }
      if (symbol.isEmpty()) {
        failed = true;
        return false;
      }
      return defined.test(symbol);
    }
    if (word.isEmpty()) {
      failed = true;
      pos = text.length();
      return false;
    }
    if (word.chars().allMatch(Character::isDigit)) {
      return !word.chars().allMatch(c -> c == '0');
    }
    return defined.test(word);
  }

  private String identifier() {
    skipSpace();
    int start = pos;
    while (pos < text.length()
        && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private boolean consume(String token) {
    skipSpace();
    if (text.startsWith(token, pos)) {
      pos += token.length();
      return true;
    }
    return false;
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }
}
