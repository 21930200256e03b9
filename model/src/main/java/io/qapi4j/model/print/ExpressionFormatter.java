package io.qapi4j.model.print;

import io.qapi4j.model.print.SchemaValue.Array;
import io.qapi4j.model.print.SchemaValue.Bool;
import io.qapi4j.model.print.SchemaValue.Dict;
import io.qapi4j.model.print.SchemaValue.Entry;
import io.qapi4j.model.print.SchemaValue.Str;

/**
 * Lays out a {@link SchemaValue} the way QEMU's schema files are written: a value that fits in the
 * line stays on one line ({@code { 'a': 'int', 'b': 'str' }}); an object that does not puts each
 * entry on its own line, aligned after the opening brace; an array that does not fills its lines
 * with as many elements as fit, objects on lines of their own. A value that would have to be
 * broken far to the right starts on the next line instead, indented below its key:
 *
 * <pre>
 * { 'struct': 'Foo',
 *   'data': { 'a': 'int',
 *             '*b': ['str'] } }
 * { 'enum': 'Bar',
 *   'data': [ 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight',
 *             'nine', 'ten' ] }
 * { 'pragma': { 'command-name-exceptions':
 *                 [ 'add_client', 'block_resize', 'block_set_io_throttle', ... ] } }
 * </pre>
 *
 * Array type references ({@code ['T']}) are always written compactly.
 */
final class ExpressionFormatter {

  private final int lineWidth;

  /** A formatter that keeps lines within {@code lineWidth} characters where it can. */
  ExpressionFormatter(int lineWidth) {
    this.lineWidth = lineWidth;
  }

  /** The text of {@code value} starting at column 0, without a trailing newline. */
  String format(SchemaValue value) {
    StringBuilder out = new StringBuilder();
    write(out, value, 0, 0);
    return out.toString();
  }

  /**
   * Writes {@code value} starting at {@code column}; {@code trailing} characters will follow it on
   * its last line.
   */
  private void write(StringBuilder out, SchemaValue value, int column, int trailing) {
    String flat = flat(value);
    if (column + flat.length() + trailing <= lineWidth || !breakable(value)) {
      out.append(flat);
      return;
    }
    if (value instanceof Dict dict) {
      out.append("{ ");
      int inner = column + 2;
      for (int i = 0; i < dict.entries().size(); i++) {
        Entry e = dict.entries().get(i);
        boolean last = i == dict.entries().size() - 1;
        if (i > 0) {
          out.append(",\n").append(" ".repeat(inner));
        }
        String key = QapiStrings.quote(e.key()) + ":";
        out.append(key);
        int follow = last ? trailing + 2 : 1;
        int valueColumn = inner + key.length() + 1;
        if (hangs(e.value(), valueColumn, inner + 2, follow)) {
          valueColumn = inner + 2;
          out.append('\n').append(" ".repeat(valueColumn));
        } else {
          out.append(' ');
        }
        write(out, e.value(), valueColumn, follow);
      }
      out.append(" }");
    } else {
      Array array = (Array) value;
      out.append("[ ");
      int inner = column + 2;
      for (int i = 0; i < array.elements().size(); i++) {
        SchemaValue element = array.elements().get(i);
        int follow = i == array.elements().size() - 1 ? trailing + 2 : 1;
        if (i > 0) {
          boolean ownLine = element instanceof Dict || array.elements().get(i - 1) instanceof Dict;
          boolean fits = !ownLine
              && currentColumn(out) + 2 + flat(element).length() + follow <= lineWidth;
          out.append(fits ? ", " : ",\n" + " ".repeat(inner));
        }
        write(out, element, currentColumn(out), follow);
      }
      out.append(" ]");
    }
  }

  /**
   * Whether a value that would start at {@code column}, right after its key, should rather start
   * on the next line at {@code hangColumn}: when it does not fit where it is and would there be
   * broken far to the right, or would start with a line too long, or (not breakable) fits only
   * below.
   */
  private boolean hangs(SchemaValue value, int column, int hangColumn, int follow) {
    int length = flat(value).length();
    if (hangColumn >= column || column + length + follow <= lineWidth) {
      return false;
    }
    if (!breakable(value)) {
      return hangColumn + length + follow <= lineWidth;
    }
    int firstLine = firstLineLength(value);
    return column >= lineWidth / 2
        || (column + firstLine > lineWidth && hangColumn + firstLine <= lineWidth);
  }

  /** The length of the first line of a broken object or array, up to its first comma. */
  private static int firstLineLength(SchemaValue value) {
    if (value instanceof Dict dict) {
      Entry first = dict.entries().get(0);
      return 2 + QapiStrings.quote(first.key()).length() + 2 + flat(first.value()).length() + 1;
    }
    return 2 + flat(((Array) value).elements().get(0)).length() + 1;
  }

  private static int currentColumn(StringBuilder out) {
    return out.length() - out.lastIndexOf("\n") - 1;
  }

  private static boolean breakable(SchemaValue value) {
    if (value instanceof Dict dict) {
      return !dict.entries().isEmpty();
    }
    return value instanceof Array array && !array.typeReference() && !array.elements().isEmpty();
  }

  /** {@code value} on one line. */
  static String flat(SchemaValue value) {
    if (value instanceof Str s) {
      return QapiStrings.quote(s.text());
    }
    if (value instanceof Bool b) {
      return b.value() ? "true" : "false";
    }
    if (value instanceof Dict dict) {
      if (dict.entries().isEmpty()) {
        return "{}";
      }
      StringBuilder out = new StringBuilder("{ ");
      for (int i = 0; i < dict.entries().size(); i++) {
        Entry e = dict.entries().get(i);
        if (i > 0) {
          out.append(", ");
        }
        out.append(QapiStrings.quote(e.key())).append(": ").append(flat(e.value()));
      }
      return out.append(" }").toString();
    }
    Array array = (Array) value;
    if (array.typeReference()) {
      return "[" + flat(array.elements().get(0)) + "]";
    }
    if (array.elements().isEmpty()) {
      return "[]";
    }
    StringBuilder out = new StringBuilder("[ ");
    for (int i = 0; i < array.elements().size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      out.append(flat(array.elements().get(i)));
    }
    return out.append(" ]").toString();
  }
}
