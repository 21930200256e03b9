package io.qapi4j.dsl;

import io.qapi4j.model.Condition;
import io.qapi4j.model.Feature;
import io.qapi4j.model.parse.QValue;
import io.qapi4j.model.parse.QValue.QBool;
import io.qapi4j.model.parse.QValue.QList;
import io.qapi4j.model.parse.QValue.QObject;
import io.qapi4j.model.parse.QValue.QString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes DSL values as the schema language's values ({@link QValue}), exactly as the parser
 * would produce them for the equivalent schema text.
 */
final class Q {
  private Q() {}

  static QString str(String s) {
    return new QString(s);
  }

  static QBool bool(boolean b) {
    return b ? QBool.TRUE : QBool.FALSE;
  }

  static QObject object(Map<String, QValue> members) {
    return new QObject(members);
  }

  /** A type reference: {@code 'T'} or {@code ['T']}. */
  static QValue type(TypeRef ref) {
    if (ref instanceof ArrayRef a) {
      return new QList(List.of(str(a.element().name())));
    }
    return str(ref.name());
  }

  /** An {@code 'if'} value. */
  static QValue condition(Condition c) {
    if (c instanceof Condition.Symbol s) {
      return str(s.name());
    }
    if (c instanceof Condition.CExpression e) {
      return str(e.text());
    }
    if (c instanceof Condition.Not n) {
      return object(Map.of("not", condition(n.operand())));
    }
    if (c instanceof Condition.All all) {
      if (all.isLegacyList()) {
        return new QList(all.operands().stream().map(Q::condition).toList());
      }
      return object(Map.of("all", new QList(all.operands().stream().map(Q::condition).toList())));
    }
    Condition.Any any = (Condition.Any) c;
    return object(Map.of("any", new QList(any.operands().stream().map(Q::condition).toList())));
  }

  /** A {@code 'features'} list; plain names where a feature has no condition. */
  static QList features(List<Feature> features) {
    List<QValue> out = new ArrayList<>();
    for (Feature f : features) {
      if (f.condition() == null) {
        out.add(str(f.name()));
      } else {
        Map<String, QValue> m = new LinkedHashMap<>();
        m.put("name", str(f.name()));
        m.put("if", condition(f.condition()));
        out.add(object(m));
      }
    }
    return new QList(out);
  }

  /** Puts {@code 'if'} and {@code 'features'} into {@code out} when present. */
  static void common(Map<String, QValue> out, @Nullable Condition cond, List<Feature> features) {
    if (cond != null) {
      out.put("if", condition(cond));
    }
    if (!features.isEmpty()) {
      out.put("features", features(features));
    }
  }

  /**
   * A member, value or branch in its short form ({@code short}) when it has no condition and no
   * features, otherwise in its long form ({@code {key: short, 'if': ..., 'features': ...}}).
   */
  static QValue element(String key, QValue shortForm, @Nullable Condition cond,
      List<Feature> features) {
    if (cond == null && features.isEmpty()) {
      return shortForm;
    }
    Map<String, QValue> m = new LinkedHashMap<>();
    m.put(key, shortForm);
    common(m, cond, features);
    return object(m);
  }
}
