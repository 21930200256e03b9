package io.qapi4j.model.parse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A value of the schema language: an object, an array, a string or a boolean (the JSON-like
 * syntax QEMU's schema files are written in). Objects keep their key order.
 */
public sealed interface QValue {

  /** How QEMU's messages name this kind of value when it is the wrong one. */
  String kindName();

  /** An object; keys are unique and keep their order. */
  record QObject(Map<String, QValue> members) implements QValue {
    public QObject {
      members = members instanceof ObjectMembers ? members : ObjectMembers.copyOf(members);
    }

    /** An object of one member ({@code {key: value}}). */
    public static QObject of(String key, QValue value) {
      return new QObject(ObjectMembers.of(key, value));
    }

    /** An object of {@code members}, which the caller gives up (the parser's own maps). */
    static QObject owning(LinkedHashMap<String, QValue> members) {
      return new QObject(ObjectMembers.owning(members));
    }

    /** The value of {@code key}, or {@code null}. */
    public @Nullable QValue get(String key) {
      return members.get(key);
    }

    /** Whether {@code key} is present. */
    public boolean has(String key) {
      return members.containsKey(key);
    }

    /** The string value of {@code key}, or {@code null} when absent or not a string. */
    public @Nullable String string(String key) {
      return members.get(key) instanceof QString s ? s.value() : null;
    }

    @Override
    public String kindName() {
      return "object";
    }
  }

  /** An array. */
  record QList(List<QValue> elements) implements QValue {
    public QList {
      elements = List.copyOf(elements);
    }

    @Override
    public String kindName() {
      return "array";
    }
  }

  /** A string. */
  record QString(String value) implements QValue {
    @Override
    public String kindName() {
      return "string";
    }
  }

  /** {@code true} or {@code false}. */
  record QBool(boolean value) implements QValue {
    /** {@code true}. */
    public static final QBool TRUE = new QBool(true);
    /** {@code false}. */
    public static final QBool FALSE = new QBool(false);

    @Override
    public String kindName() {
      return "boolean";
    }
  }

  /** A {@code null} literal, which only QEMU 2.4 to 4.1 accepted (compat dialect). */
  record QNull() implements QValue {
    /** The only instance. */
    public static final QNull INSTANCE = new QNull();

    @Override
    public String kindName() {
      return "null";
    }
  }
}
