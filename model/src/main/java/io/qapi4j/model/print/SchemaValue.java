package io.qapi4j.model.print;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A value of the schema language as it is about to be written: a string, a boolean, an object
 * (keys in order) or an array. {@link DefinitionExpressions} builds them from the model and
 * {@link ExpressionFormatter} lays them out.
 */
sealed interface SchemaValue {

  /** A string, written single-quoted. */
  record Str(String text) implements SchemaValue {}

  /** {@code true} or {@code false}. */
  record Bool(boolean value) implements SchemaValue {}

  /**
   * An array.
   *
   * @param elements the elements in order
   * @param typeReference whether this is an array type reference {@code ['T']}, always written
   *     compactly
   */
  record Array(List<SchemaValue> elements, boolean typeReference) implements SchemaValue {
    public Array {
      elements = List.copyOf(elements);
    }

    /** The array type reference {@code ['element']}. */
    static Array ofType(String element) {
      return new Array(List.of(new Str(element)), true);
    }

    /** An array of strings. */
    static Array ofStrings(List<String> strings) {
      return new Array(strings.stream().<SchemaValue>map(Str::new).toList(), false);
    }
  }

  /** An object; keys keep their order. */
  record Dict(List<Entry> entries) implements SchemaValue {
    public Dict {
      entries = List.copyOf(entries);
    }

    /** The value of {@code key}, or {@code null}. */
    @Nullable SchemaValue get(String key) {
      return entries.stream().filter(e -> e.key().equals(key)).map(Entry::value).findFirst()
          .orElse(null);
    }

    /** A builder for a dict. */
    static Builder builder() {
      return new Builder();
    }

    /** Collects entries in order. */
    static final class Builder {
      private final List<Entry> entries = new ArrayList<>();

      private Builder() {}

      Builder put(String key, SchemaValue value) {
        entries.add(new Entry(key, value));
        return this;
      }

      Builder put(String key, String value) {
        return put(key, new Str(value));
      }

      Dict build() {
        return new Dict(entries);
      }
    }
  }

  /** One key and its value in a {@link Dict}. */
  record Entry(String key, SchemaValue value) {}
}
