package io.qapi4j.model.parse;

import io.qapi4j.model.Diagnostic;
import io.qapi4j.model.SourceLocation;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The tokenizer of the schema language, a faithful copy of QEMU's {@code accept()}: same tokens,
 * same line counting, same column rule, same messages. In the {@link Dialect#COMPAT compat}
 * dialect it also takes what older QEMU took (any backslash escape, non-ASCII text in strings,
 * the {@code null} literal) and reports it as a warning.
 */
final class SchemaLexer {

  /** Token kinds. */
  enum Token {
    LBRACE, RBRACE, COLON, COMMA, LBRACKET, RBRACKET, STRING, TRUE, FALSE, NULL, COMMENT, EOF
  }

  private final String src;
  private final String file;
  private final @Nullable SourceLocation includedFrom;
  private final Dialect dialect;
  private final Consumer<Diagnostic> warnings;

  private int line = 1;
  private int linePos;
  private int cursor;

  /** The current token. */
  Token tok = Token.EOF;
  /** Start offset of the current token. */
  int pos;
  /**
   * The string value of a STRING token, else {@code null}. A COMMENT token's text is not cut out
   * of the source: it is {@code source()} from {@link #pos} to {@link #tokenEnd()}.
   */
  @Nullable String val;

  SchemaLexer(String text, String file, @Nullable SourceLocation includedFrom, Dialect dialect,
      Consumer<Diagnostic> warnings) {
    String lines = universalNewlines(text);
    this.src = lines.isEmpty() || lines.charAt(lines.length() - 1) != '\n' ? lines + "\n" : lines;
    this.file = file;
    this.includedFrom = includedFrom;
    this.dialect = dialect;
    this.warnings = warnings;
  }

  /**
   * QEMU opens schema files in Python's universal-newlines text mode, which turns {@code \r\n}
   * and a lone {@code \r} into {@code \n} before its lexer runs. So a CR never reaches a string
   * ("missing terminating", not "funny character"), never ends up in a doc comment line, and
   * counts as a line break.
   */
  static String universalNewlines(String text) {
    if (text.indexOf('\r') < 0) {
      return text;
    }
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }

  String file() {
    return file;
  }

  String source() {
    return src;
  }

  /** The end offset of the current token. */
  int tokenEnd() {
    return cursor;
  }

  /** The include directive that brought this file in, or {@code null}. */
  @Nullable SourceLocation includedFrom() {
    return includedFrom;
  }

  int line() {
    return line;
  }

  int linePos() {
    return linePos;
  }

  /** The current line, without column: where a top-level expression or doc line is. */
  SourceLocation location() {
    return new SourceLocation(file, line, 0, includedFrom);
  }

  /** An error at the current token's position, QEMU's {@code QAPIParseError}. */
  SchemaParseException error(String message) {
    return errorAt(pos, message);
  }

  /** An error at offset {@code at} of the current line. */
  SchemaParseException errorAt(int at, String message) {
    int col = PythonText.column(src, linePos, at);
    return new SchemaParseException(Diagnostic.error(location().withColumn(col), message));
  }

  /** A compat-dialect warning at the current token's position. */
  void warn(String message) {
    int col = PythonText.column(src, linePos, pos);
    warnings.accept(Diagnostic.warning(location().withColumn(col), null, message));
  }

  boolean compat() {
    return dialect == Dialect.COMPAT;
  }

  /** Reads the next token, skipping comments other than documentation ones. */
  void accept() {
    accept(true);
  }

  /**
   * Reads the next token.
   *
   * @param skipComment when false, every comment is returned as a COMMENT token (used while
   *     reading documentation blocks); a {@code ##} comment is always returned
   */
  void accept(boolean skipComment) {
    while (true) {
      char ch = src.charAt(cursor);
      pos = cursor;
      cursor++;
      val = null;
      switch (ch) {
        case '#' -> {
          boolean keep = !skipComment || src.charAt(cursor) == '#';
          cursor = src.indexOf('\n', cursor);
          if (keep) {
            tok = Token.COMMENT;
            return;
          }
        }
        case '{' -> {
          tok = Token.LBRACE;
          return;
        }
        case '}' -> {
          tok = Token.RBRACE;
          return;
        }
        case ':' -> {
          tok = Token.COLON;
          return;
        }
        case ',' -> {
          tok = Token.COMMA;
          return;
        }
        case '[' -> {
          tok = Token.LBRACKET;
          return;
        }
        case ']' -> {
          tok = Token.RBRACKET;
          return;
        }
        case '\'' -> {
          val = readString();
          tok = Token.STRING;
          return;
        }
        case ' ', '\t' -> {
          // Indentation: most characters outside comments. Skipped here, before the default
          // branch tries the literals on each of them.
        }
        case '\n' -> {
          if (cursor == src.length()) {
            tok = Token.EOF;
            return;
          }
          line++;
          linePos = cursor;
        }
        default -> {
          if (src.startsWith("true", pos)) {
            cursor += 3;
            tok = Token.TRUE;
            return;
          }
          if (src.startsWith("false", pos)) {
            cursor += 4;
            tok = Token.FALSE;
            return;
          }
          if (compat() && src.startsWith("null", pos)) {
            cursor += 3;
            tok = Token.NULL;
            warn("the 'null' literal was accepted only by QEMU 2.4 to 4.1");
            return;
          }
          if (!PythonText.isSpace(ch)) {
            throw error("stray '" + strayText() + "'");
          }
        }
      }
    }
  }

  /**
   * Up to the next structural, whitespace or quote character, as QEMU shows a stray token. Beyond
   * QEMU: control characters are shown as {@code \xNN} and a huge token is cut short, so binary
   * garbage yields a readable message.
   */
  private String strayText() {
    StringBuilder out = new StringBuilder();
    for (int end = pos; end < src.length(); end++) {
      char c = src.charAt(end);
      if ("[]{}:,'".indexOf(c) >= 0 || PythonText.isSpace(c)) {
        break;
      }
      if (out.length() >= MAX_STRAY) {
        out.append("...");
        break;
      }
      if (c < 32 || c == 127) {
        out.append(String.format("\\x%02x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static final int MAX_STRAY = 80;

  private String readString() {
    // Nearly every string is printable ASCII without escapes: a slice of the source.
    for (int end = cursor; end < src.length(); end++) {
      char ch = src.charAt(end);
      if (ch == '\'') {
        String value = src.substring(cursor, end);
        cursor = end + 1;
        return value;
      }
      if (ch == '\\' || ch < 32 || ch >= 127) {
        break;
      }
    }
    StringBuilder out = new StringBuilder();
    boolean esc = false;
    while (true) {
      char ch = src.charAt(cursor);
      cursor++;
      if (ch == '\n') {
        throw error("missing terminating \"'\"");
      }
      if (esc) {
        esc = false;
        if (ch != '\\') {
          if (!compat()) {
            throw error("unknown escape \\" + ch);
          }
          out.append(legacyEscape(ch));
          continue;
        }
      } else if (ch == '\\') {
        esc = true;
        continue;
      } else if (ch == '\'') {
        return out.toString();
      }
      if (ch < 32 || ch >= 127) {
        if (!compat()) {
          throw error("funny character in string");
        }
        if (ch != '\t') {
          warn("non-ASCII character in string (QEMU 4.1 and older accepted it)");
        }
      }
      out.append(ch);
    }
  }

  /** QEMU 2.4 to 4.1 read JSON-style escapes; older releases read {@code \X} as X. */
  private String legacyEscape(char ch) {
    warn("escape \\" + ch + " in string (QEMU 4.1 and older accepted it)");
    return switch (ch) {
      case 'b' -> "\b";
      case 'f' -> "\f";
      case 'n' -> "\n";
      case 'r' -> "\r";
      case 't' -> "\t";
      case 'u' -> {
        if (cursor + 4 <= src.length() && src.substring(cursor, cursor + 4).matches("[0-9a-fA-F]{4}")) {
          int code = Integer.parseInt(src.substring(cursor, cursor + 4), 16);
          cursor += 4;
          yield String.valueOf((char) code);
        }
        yield "u";
      }
      default -> String.valueOf(ch);
    };
  }
}
