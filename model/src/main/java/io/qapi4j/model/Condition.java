package io.qapi4j.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * An {@code 'if'} condition: a boolean formula over build-time configuration symbols.
 *
 * <p>Since QEMU 6.2 a condition is an identifier ({@link Symbol}) or an object with one of the
 * keys {@code all}, {@code any} or {@code not}. Before that, QEMU 3.0 to 6.1 wrote a condition as
 * a C preprocessor expression string ({@link CExpression}), or a list of them meaning "all of
 * them" (an {@link All} whose operands are all {@link CExpression}s).
 */
public sealed interface Condition {

  /** Whether this condition holds when exactly the symbols accepted by {@code defined} are set. */
  boolean evaluate(Predicate<String> defined);

  /** The configuration symbols this condition mentions, in order of first appearance. */
  default Set<String> symbols() {
    Set<String> out = new LinkedHashSet<>();
    collectSymbols(out);
    return out;
  }

  /** Adds the symbols of this condition to {@code out}. */
  void collectSymbols(Set<String> out);

  /**
   * Returns a condition that holds when both hold; {@code null} stands for "always", so this returns
   * {@code null} only when both are {@code null}.
   */
  static @Nullable Condition and(@Nullable Condition a, @Nullable Condition b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    List<Condition> operands = new ArrayList<>();
    for (Condition c : List.of(a, b)) {
      if (c instanceof All all) {
        operands.addAll(all.operands());
      } else {
        operands.add(c);
      }
    }
    return new All(operands);
  }

  /** A configuration symbol such as {@code CONFIG_SPICE}: true when defined. */
  record Symbol(String name) implements Condition {
    @Override
    public boolean evaluate(Predicate<String> defined) {
      return defined.test(name);
    }

    @Override
    public void collectSymbols(Set<String> out) {
      out.add(name);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** True when every operand holds ({@code {'all': [...]}}, or a pre-6.2 list of strings). */
  record All(List<Condition> operands) implements Condition {
    public All {
      operands = List.copyOf(operands);
    }

    @Override
    public boolean evaluate(Predicate<String> defined) {
      for (Condition c : operands) {
        if (!c.evaluate(defined)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public void collectSymbols(Set<String> out) {
      operands.forEach(c -> c.collectSymbols(out));
    }

    /** Whether this is the pre-6.2 list-of-C-expressions form. */
    public boolean isLegacyList() {
      return !operands.isEmpty() && operands.stream().allMatch(CExpression.class::isInstance);
    }

    @Override
    public String toString() {
      return "all" + operands;
    }
  }

  /** True when some operand holds ({@code {'any': [...]}}). */
  record Any(List<Condition> operands) implements Condition {
    public Any {
      operands = List.copyOf(operands);
    }

    @Override
    public boolean evaluate(Predicate<String> defined) {
      for (Condition c : operands) {
        if (c.evaluate(defined)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void collectSymbols(Set<String> out) {
      operands.forEach(c -> c.collectSymbols(out));
    }

    @Override
    public String toString() {
      return "any" + operands;
    }
  }

  /** True when the operand does not hold ({@code {'not': ...}}). */
  record Not(Condition operand) implements Condition {
    @Override
    public boolean evaluate(Predicate<String> defined) {
      return !operand.evaluate(defined);
    }

    @Override
    public void collectSymbols(Set<String> out) {
      operand.collectSymbols(out);
    }

    @Override
    public String toString() {
      return "not(" + operand + ")";
    }
  }

  /**
   * A pre-6.2 condition: a C preprocessor expression such as {@code defined(CONFIG_SPICE)} or
   * {@code defined(TARGET_I386) && !defined(CONFIG_USER_ONLY)}.
   *
   * <p>It is evaluated with a small preprocessor-expression grammar: {@code defined(X)},
   * {@code defined X}, bare identifiers (true when defined), {@code !}, {@code &&}, {@code ||},
   * parentheses, {@code 0} and {@code 1}.
   */
  record CExpression(String text) implements Condition {
    @Override
    public boolean evaluate(Predicate<String> defined) {
      return new CExpressionEvaluator(text, defined).evaluate();
    }

    @Override
    public void collectSymbols(Set<String> out) {
      new CExpressionEvaluator(text, s -> {
        out.add(s);
        return true;
      }).collectAll();
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
