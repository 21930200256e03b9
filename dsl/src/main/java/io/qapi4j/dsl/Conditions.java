package io.qapi4j.dsl;

import io.qapi4j.model.Condition;
import java.util.List;

/**
 * Builds {@code 'if'} conditions: {@code symbol("CONFIG_SPICE")}, {@code all(...)}, {@code
 * any(...)}, {@code not(...)}, and the pre-6.2 C-expression strings ({@link
 * #cExpression(String)}, compat dialect only). The results are the model's own {@link Condition}
 * values, which may also be used directly.
 */
public final class Conditions {
  private Conditions() {}

  /** A configuration symbol, true when defined ({@code 'if': 'CONFIG_X'}). */
  public static Condition symbol(String name) {
    return new Condition.Symbol(name);
  }

  /** True when all hold ({@code 'if': {'all': [...]}}). */
  public static Condition all(Condition... operands) {
    return new Condition.All(List.of(operands));
  }

  /** True when any holds ({@code 'if': {'any': [...]}}). */
  public static Condition any(Condition... operands) {
    return new Condition.Any(List.of(operands));
  }

  /** True when {@code operand} does not hold ({@code 'if': {'not': ...}}). */
  public static Condition not(Condition operand) {
    return new Condition.Not(operand);
  }

  /**
   * A pre-6.2 C preprocessor condition such as {@code defined(CONFIG_SPICE)} (QEMU 3.0 to 6.1);
   * the compat dialect accepts it with a warning, the strict one rejects it as QEMU does.
   */
  public static Condition cExpression(String text) {
    return new Condition.CExpression(text);
  }

  /** Every one of the pre-6.2 C conditions ({@code 'if': ['defined(A)', 'defined(B)']}). */
  public static Condition allOf(List<String> cExpressions) {
    return new Condition.All(cExpressions.stream()
        .map(Condition.CExpression::new).map(Condition.class::cast).toList());
  }
}
