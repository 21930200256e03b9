package io.qapi4j.model.print;

import io.qapi4j.model.Condition;
import io.qapi4j.model.print.SchemaValue.Array;
import io.qapi4j.model.print.SchemaValue.Dict;
import io.qapi4j.model.print.SchemaValue.Str;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code 'if'} conditions: since QEMU 6.2 an identifier or {@code {'all': [...]}} /
 * {@code {'any': [...]}} / {@code {'not': ...}}; before, a C preprocessor expression string or a
 * list of them meaning "all of them", which is how the compat reader reads them back.
 */
final class ConditionExpressions {
  private ConditionExpressions() {}

  /**
   * The {@code 'if'} value for {@code condition}.
   *
   * @throws IllegalArgumentException when the condition has no written form: an empty
   *     {@code all} or {@code any}, or a C expression inside a modern condition
   */
  static SchemaValue of(Condition condition) {
    if (condition instanceof Condition.CExpression c) {
      return new Str(c.text());
    }
    if (condition instanceof Condition.All all && all.isLegacyList()) {
      List<String> texts = all.operands().stream()
          .map(c -> ((Condition.CExpression) c).text()).toList();
      return Array.ofStrings(texts);
    }
    return modern(condition);
  }

  private static SchemaValue modern(Condition condition) {
    if (condition instanceof Condition.Symbol s) {
      return new Str(s.name());
    }
    if (condition instanceof Condition.Not not) {
      return Dict.builder().put("not", modern(not.operand())).build();
    }
    if (condition instanceof Condition.All all) {
      return Dict.builder().put("all", operands("all", all.operands())).build();
    }
    if (condition instanceof Condition.Any any) {
      return Dict.builder().put("any", operands("any", any.operands())).build();
    }
    throw new IllegalArgumentException("cannot write the condition " + condition
        + ": a C-expression condition ('" + condition + "') may only stand alone or in a list"
        + " of C expressions, not inside 'all', 'any' or 'not'");
  }

  private static Array operands(String operator, List<Condition> operands) {
    if (operands.isEmpty()) {
      throw new IllegalArgumentException(
          "cannot write an empty '" + operator + "' condition (QAPI rejects it as useless)");
    }
    List<SchemaValue> out = new ArrayList<>();
    for (Condition c : operands) {
      out.add(modern(c));
    }
    return new Array(out, false);
  }
}
