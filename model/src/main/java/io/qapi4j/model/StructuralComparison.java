package io.qapi4j.model;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The engine of {@link SchemaDiff}: compares model values generically — records component by
 * component (found by reflection), lists element by element (named elements matched by name),
 * anything else with {@code equals} — and collects the differences with their paths.
 */
final class StructuralComparison {

  private static final Map<Class<?>, RecordComponent[]> COMPONENTS = new ConcurrentHashMap<>();
  private static final int SHORT_TEXT = 60;
  private static final int CONTEXT_BEFORE = 20;
  private static final int CONTEXT_AFTER = 40;

  private final boolean ignoreDocs;
  private final List<String> differences = new ArrayList<>();

  StructuralComparison(boolean ignoreDocs) {
    this.ignoreDocs = ignoreDocs;
  }

  /** The differences found so far. */
  List<String> differences() {
    return List.copyOf(differences);
  }

  /** Compares two values at {@code path}. */
  void compare(String path, @Nullable Object expected, @Nullable Object actual) {
    compare(path, expected, actual, false);
  }

  /**
   * Compares two lists at {@code path}; definitions in it are compared in full and reported
   * under their titles ({@code struct 'Foo'}).
   */
  void compareList(String path, List<?> expected, List<?> actual) {
    compareList(path, expected, actual, true);
  }

  private void compare(String path, @Nullable Object expected, @Nullable Object actual,
      boolean nested) {
    if (expected == actual || ignored(expected) || ignored(actual)) {
      return;
    }
    if (expected == null || actual == null) {
      report(path, expected, actual);
      return;
    }
    if (nested && expected instanceof Definition a && actual instanceof Definition b) {
      if (!a.title().equals(b.title())) {
        report(path, expected, actual);
      }
      return;
    }
    if (expected instanceof List<?> a && actual instanceof List<?> b) {
      compareList(path, a, b, false);
      return;
    }
    if (expected.getClass().isRecord()) {
      if (expected.getClass() != actual.getClass()) {
        report(path, expected, actual);
        return;
      }
      for (RecordComponent c : components(expected.getClass())) {
        compare(child(path, c.getName()), value(c, expected), value(c, actual), true);
      }
      return;
    }
    if (!Objects.equals(expected, actual)) {
      report(path, expected, actual);
    }
  }

  private boolean ignored(@Nullable Object value) {
    return value instanceof SourceLocation || value instanceof Module
        || (ignoreDocs && value instanceof DocComment);
  }

  private void compareList(String path, List<?> expected, List<?> actual, boolean top) {
    List<String> expectedNames = names(expected);
    List<String> actualNames = names(actual);
    if (expectedNames == null || actualNames == null) {
      if (expected.size() != actual.size()) {
        differences.add(path + ": " + expected.size() + " elements != " + actual.size());
      }
      for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
        compareElement(path, i, expected.get(i), actual.get(i), top);
      }
      return;
    }
    if (!expectedNames.equals(actualNames)) {
      reportNames(path, expected, expectedNames, actual, actualNames);
    }
    Map<String, Object> actualByName = new HashMap<>();
    for (int i = 0; i < actual.size(); i++) {
      actualByName.put(actualNames.get(i), actual.get(i));
    }
    for (int i = 0; i < expected.size(); i++) {
      Object other = actualByName.get(expectedNames.get(i));
      if (other != null) {
        compareElement(path, i, expected.get(i), other, top);
      }
    }
  }

  private void compareElement(String path, int index, Object expected, Object actual,
      boolean top) {
    if (top && expected instanceof Definition d) {
      compare(d.title(), expected, actual, false);
    } else {
      compare(path + "[" + index + "]", expected, actual, true);
    }
  }

  /** Reports names missing from, added to or reordered in {@code actual}. */
  private void reportNames(String path, List<?> expected, List<String> expectedNames,
      List<?> actual, List<String> actualNames) {
    Set<String> expectedSet = new HashSet<>(expectedNames);
    Set<String> actualSet = new HashSet<>(actualNames);
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < expected.size(); i++) {
      if (!actualSet.contains(expectedNames.get(i))) {
        parts.add("missing " + describeNamed(expected.get(i), expectedNames.get(i)));
      }
    }
    for (int i = 0; i < actual.size(); i++) {
      if (!expectedSet.contains(actualNames.get(i))) {
        parts.add("extra " + describeNamed(actual.get(i), actualNames.get(i)));
      }
    }
    List<String> common = new ArrayList<>(expectedNames);
    common.retainAll(actualSet);
    List<String> commonActual = new ArrayList<>(actualNames);
    commonActual.retainAll(expectedSet);
    if (!common.equals(commonActual)) {
      parts.add("order " + common + " != " + commonActual);
    }
    differences.add(path + ": " + String.join(", ", parts));
  }

  private static String describeNamed(Object value, String name) {
    return value instanceof Definition d ? d.title() : "'" + name + "'";
  }

  /**
   * The names of the elements when every element is a named record (definitions, members,
   * values, branches, features, descriptions, array types) and the names are distinct, else
   * {@code null}.
   */
  private static @Nullable List<String> names(List<?> list) {
    List<String> names = new ArrayList<>(list.size());
    for (Object o : list) {
      String name = null;
      if (o instanceof Definition d) {
        name = d.name();
      } else if (o != null && o.getClass().isRecord()) {
        for (RecordComponent c : components(o.getClass())) {
          if (c.getName().equals("name") && c.getType() == String.class) {
            name = (String) value(c, o);
          }
        }
      }
      if (name == null) {
        return null;
      }
      names.add(name);
    }
    return new HashSet<>(names).size() == names.size() ? names : null;
  }

  private void report(String path, @Nullable Object expected, @Nullable Object actual) {
    if (expected instanceof String a && actual instanceof String b) {
      int at = commonPrefix(a, b);
      if (a.length() > SHORT_TEXT || b.length() > SHORT_TEXT) {
        differences.add(path + ": " + excerpt(a, at) + " != " + excerpt(b, at)
            + " (first difference at character " + at + ")");
        return;
      }
    }
    differences.add(path + ": " + show(expected) + " != " + show(actual));
  }

  private static String show(@Nullable Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return "'" + escape(s) + "'";
    }
    if (value instanceof Definition d) {
      return d.title();
    }
    if (value instanceof QapiType t) {
      return t.describe();
    }
    if (value.getClass().isRecord() && !(value instanceof Condition)) {
      String name = null;
      for (RecordComponent c : components(value.getClass())) {
        if (c.getName().equals("name") && value(c, value) instanceof String n) {
          name = n;
        }
      }
      return value.getClass().getSimpleName() + (name == null ? "" : " '" + name + "'");
    }
    return escape(value.toString());
  }

  private static String excerpt(String text, int at) {
    int start = Math.max(0, at - CONTEXT_BEFORE);
    int end = Math.min(text.length(), at + CONTEXT_AFTER);
    return (start > 0 ? "..." : "") + "'" + escape(text.substring(start, end)) + "'"
        + (end < text.length() ? "..." : "");
  }

  private static int commonPrefix(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t");
  }

  /** {@code struct 'Foo' members}, then {@code struct 'Foo' members[0].type}. */
  private static String child(String path, String component) {
    return path.endsWith("'") ? path + " " + component : path + "." + component;
  }

  private static RecordComponent[] components(Class<?> type) {
    return COMPONENTS.computeIfAbsent(type, Class::getRecordComponents);
  }

  private static @Nullable Object value(RecordComponent component, Object record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component + " of " + record.getClass(), e);
    }
  }
}
