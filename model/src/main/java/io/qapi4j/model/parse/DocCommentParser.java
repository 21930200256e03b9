package io.qapi4j.model.parse;

import io.qapi4j.model.Diagnostic;
import io.qapi4j.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads one documentation block ({@code ##} ... {@code ##}) with QEMU's rules: structure,
 * sections, indentation, and (since 10.2) the line-length and sentence-spacing checks.
 *
 * <p>The block's comment lines are first taken from the lexer, then interpreted one by one, so
 * errors come out in QEMU's order. In the {@link Dialect#COMPAT compat} dialect nothing is
 * rejected: a block QEMU would reject is kept as plain text, and a block that is not closed by
 * {@code ##} ends at the next token (schemas before QEMU 2.9 had no documentation syntax).
 */
final class DocCommentParser {

  /** The tags of QEMU's {@code (Returns|Errors|Since|Notes?|Examples?|TODO)(?!::): *}, in order. */
  private static final List<String> TAGS =
      List.of("Returns", "Errors", "Since", "Notes", "Note", "Examples", "Example", "TODO");
  private static final Pattern LITERAL_START = Pattern.compile("(\\.\\. +qmp-example)? *::");
  private static final Pattern URL_LINE = Pattern.compile(" *(https?|ftp)://[^ ]*");
  private static final Pattern SINGLE_SPACE =
      Pattern.compile("(\\be\\.g\\.|^ *\\d\\.|([.!?])) [A-Z0-9(]", Pattern.UNICODE_CHARACTER_CLASS);

  /**
   * One token met while reading the block: a comment line, from {@code pos} to {@code end} of the
   * source, or what ended the block.
   */
  private record Line(
      SchemaLexer.Token tok, int pos, int end, int line, int linePos,
      @Nullable SchemaParseException lexError) {

    boolean isComment() {
      return tok == SchemaLexer.Token.COMMENT;
    }
  }

  private final SchemaLexer lexer;
  private final String src;
  private final boolean strict;
  private final List<Line> lines = new ArrayList<>();
  private int index = -1;
  private boolean literalMode;
  private int literalIndent;

  private DocCommentParser(SchemaLexer lexer, boolean strict) {
    this.lexer = lexer;
    this.src = lexer.source();
    this.strict = strict;
  }

  /**
   * Reads the block that starts at the lexer's current {@code ##} token and leaves the lexer on
   * the token after it. Returns {@code null} in the compat dialect when the block is not a
   * documentation block after all (a {@code ###} banner, say).
   *
   * @throws SchemaParseException on the first violation (strict dialect only)
   */
  static @Nullable DocBlock read(SchemaLexer lexer, Dialect dialect) {
    return new DocCommentParser(lexer, dialect == Dialect.STRICT).read();
  }

  private @Nullable DocBlock read() {
    SourceLocation info = lexer.location();
    if (lexer.tokenEnd() - lexer.pos != 2) {
      // Not "##" alone (the lexer returns only comments that start with it here).
      if (strict) {
        throw lexer.error("junk after '##' at start of documentation comment");
      }
      lexer.accept();
      return null;
    }
    boolean closed = collect();
    DocBlock doc;
    if (strict) {
      doc = parse(info);
    } else {
      try {
        doc = parse(info);
      } catch (SchemaParseException e) {
        doc = plainText(info);
      }
    }
    if (closed) {
      lexer.accept();
    }
    DocBlock.Section empty = doc.end();
    if (empty != null && strict) {
      throw new SchemaParseException(Diagnostic.error(empty.location(),
          "text required after '" + empty.kind().title() + ":'"));
    }
    return doc;
  }

  /** Takes the block's lines from the lexer; returns whether a closing {@code ##} ended it. */
  private boolean collect() {
    while (true) {
      try {
        lexer.accept(false);
      } catch (SchemaParseException e) {
        if (!strict) {
          throw e;
        }
        lines.add(new Line(SchemaLexer.Token.EOF, lexer.pos, lexer.pos, lexer.line(),
            lexer.linePos(), e));
        return false;
      }
      Line l = new Line(lexer.tok, lexer.pos, lexer.tokenEnd(), lexer.line(), lexer.linePos(), null);
      lines.add(l);
      if (!l.isComment()) {
        return false;
      }
      if (src.startsWith("##", l.pos())) {
        return true;
      }
    }
  }

  private DocBlock parse(SourceLocation info) {
    String line = nextLine();
    if (line != null && line.startsWith("@")) {
      return parseDefinitionDoc(info, line);
    }
    DocBlock doc = new DocBlock(info, null);
    doc.ensureUntaggedSection(location());
    while (line != null) {
      int colon = descriptionColon(line);
      if (colon >= 0) {
        throw error("'@" + line.substring(1, colon) + ":' not allowed in free-form documentation");
      }
      doc.appendLine(line);
      line = nextLine();
    }
    return doc;
  }

  private DocBlock parseDefinitionDoc(SourceLocation info, String first) {
    if (!first.endsWith(":")) {
      throw error("line should end with ':'");
    }
    String symbol = first.substring(1, first.length() - 1);
    if (symbol.isEmpty()) {
      throw error("name required after '@'");
    }
    DocBlock doc = new DocBlock(info, symbol);
    String line = nextLine();
    boolean noMoreArgs = false;
    while (line != null) {
      while (line != null && line.isEmpty()) {
        line = nextLine();
      }
      if (line == null) {
        break;
      }
      int colon;
      String tag;
      if (line.equals("Features:")) {
        if (!doc.features().isEmpty()) {
          throw error("duplicated 'Features:' line");
        }
        line = nextLine();
        while (line != null && line.isEmpty()) {
          line = nextLine();
        }
        line = descriptions(doc, line, true);
        if (doc.features().isEmpty()) {
          throw error("feature descriptions expected");
        }
        noMoreArgs = true;
      } else if ((colon = descriptionColon(line)) >= 0) {
        if (noMoreArgs) {
          throw error("description of '@" + line.substring(1, colon) + ":' follows a section");
        }
        line = descriptions(doc, line, false);
        noMoreArgs = true;
      } else if ((tag = tag(line)) != null) {
        if (tag.contains("Note")) {
          throw error("The '" + tag + "' section is no longer supported. Please use rST's"
              + " '.. note::' or '.. admonition:: notes' directives, or another suitable"
              + " admonition instead.");
        }
        if (tag.contains("Example")) {
          throw error("The '" + tag + "' section is no longer supported. Please use the"
              + " '.. qmp-example::' directive, or other suitable markup instead.");
        }
        semantic(doc.newTaggedSection(location(), DocBlock.Kind.fromTag(tag)));
        String text = afterColon(line, tag.length());
        if (!text.isEmpty()) {
          doc.appendLine(text);
        }
        line = indentedLines(doc);
        noMoreArgs = true;
      } else {
        doc.ensureUntaggedSection(location());
        doc.appendLine(line);
        line = paragraph(doc);
      }
    }
    return doc;
  }

  /** Reads the {@code @NAME: text} descriptions that start at {@code line}; returns the next line. */
  private @Nullable String descriptions(DocBlock doc, @Nullable String line, boolean feature) {
    int colon;
    while (line != null && (colon = descriptionColon(line)) >= 0) {
      semantic(doc.newDescription(location(), line.substring(1, colon), feature));
      String text = afterColon(line, colon);
      if (!text.isEmpty()) {
        doc.appendLine(text);
      }
      line = indentedLines(doc);
    }
    return line;
  }

  /**
   * Where QEMU's {@code @([^:]*): *} matches at the start of {@code line}: the index of its colon
   * (the name is between the {@code @} and it), or -1.
   */
  static int descriptionColon(String line) {
    return line.startsWith("@") ? line.indexOf(':', 1) : -1;
  }

  /**
   * The tag QEMU's {@code (Returns|Errors|Since|Notes?|Examples?|TODO)(?!::): *} matches at the
   * start of {@code line}, or {@code null}; the colon follows it.
   */
  static @Nullable String tag(String line) {
    for (String tag : TAGS) {
      int end = tag.length();
      if (line.startsWith(tag) && line.startsWith(":", end) && !line.startsWith("::", end)) {
        return tag;
      }
    }
    return null;
  }

  /** What follows the colon at {@code colon} and the spaces after it. */
  static String afterColon(String line, int colon) {
    int start = colon + 1;
    while (start < line.length() && line.charAt(start) == ' ') {
      start++;
    }
    return line.substring(start);
  }

  /** QEMU's {@code get_doc_indented}: the continuation lines of a description or section. */
  private @Nullable String indentedLines(DocBlock doc) {
    String line = nextLine();
    while (line != null && line.isEmpty()) {
      doc.appendLine(line);
      line = nextLine();
    }
    if (line == null) {
      return null;
    }
    int indent = PythonText.indent(line);
    if (indent == 0) {
      return line;
    }
    doc.appendLine(line);
    boolean prevLineBlank = false;
    while (true) {
      line = nextLine();
      if (line == null) {
        return null;
      }
      if (descriptionColon(line) >= 0) {
        return line;
      }
      int curIndent = PythonText.indent(line);
      if (!line.isEmpty() && curIndent < indent) {
        if (prevLineBlank) {
          return line;
        }
        throw error("unexpected de-indent (expected at least " + indent + " spaces)");
      }
      doc.appendLine(line);
      // QEMU sets this after every line, not only blank ones; kept for identical verdicts.
      prevLineBlank = true;
    }
  }

  /** QEMU's {@code get_doc_paragraph}. */
  private @Nullable String paragraph(DocBlock doc) {
    while (true) {
      String line = nextLine();
      if (line == null || line.isEmpty()) {
        return line;
      }
      doc.appendLine(line);
    }
  }

  /** QEMU's {@code get_doc_line} on the next collected token. */
  private @Nullable String nextLine() {
    index++;
    Line l = lines.get(index);
    if (l.lexError() != null) {
      throw l.lexError();
    }
    if (!l.isComment()) {
      if (!strict) {
        literalMode = false;
        return null;
      }
      throw error("documentation comment must end with '##'");
    }
    int length = l.end() - l.pos();
    if (src.startsWith("##", l.pos())) {
      if (length != 2) {
        throw error("junk after '##' at end of documentation comment");
      }
      literalMode = false;
      return null;
    }
    if (length == 1) {
      return "";
    }
    if (src.charAt(l.pos() + 1) != ' ') {
      if (strict) {
        throw error("missing space after #");
      }
      return PythonText.rstrip(src, l.pos() + 1, l.end());
    }
    String line = PythonText.rstrip(src, l.pos() + 2, l.end());
    // The pattern ends in "::": most lines are ruled out without running it.
    if (line.endsWith("::") && LITERAL_START.matcher(line).matches()) {
      literalMode = true;
      literalIndent = 0;
    } else if (literalMode && !line.isEmpty()) {
      int indent = PythonText.indent(line);
      if (literalIndent == 0) {
        literalIndent = indent;
      } else if (indent < literalIndent) {
        literalMode = false;
      }
    }
    if (!literalMode && strict) {
      checkFormat(l, line);
    }
    return line;
  }

  /** The 10.2 format rules: at most 70 columns, two spaces between sentences. */
  private void checkFormat(Line l, String line) {
    if (PythonText.length(line) + 2 > 70 && !URL_LINE.matcher(line).matches()) {
      throw error("documentation line longer than 70 characters");
    }
    if (!hasSentenceBreak(line)) {
      return;
    }
    Matcher m = SINGLE_SPACE.matcher(line);
    while (m.find()) {
      if (m.group(2) == null) {
        continue;
      }
      // QEMU points at the space after the punctuation, counted from the line start + "# ".
      int at = l.linePos() + 2 + m.start(2) + 1;
      throw lineError(l, at, "Use two spaces between sentences\n"
          + "If this not the end of a sentence, please report a bug.");
    }
  }

  /**
   * Whether {@link #SINGLE_SPACE} can match: each of its matches ends in {@code [.!?]}, one space
   * and {@code [A-Z0-9(]}. Text written with two spaces between sentences never has that.
   */
  static boolean hasSentenceBreak(String line) {
    for (int i = 0; i + 2 < line.length(); i++) {
      char c = line.charAt(i);
      if ((c == '.' || c == '!' || c == '?') && line.charAt(i + 1) == ' ') {
        char next = line.charAt(i + 2);
        if ((next >= 'A' && next <= 'Z') || (next >= '0' && next <= '9') || next == '(') {
          return true;
        }
      }
    }
    return false;
  }

  private SourceLocation location() {
    Line l = lines.get(index);
    return new SourceLocation(lexer.file(), l.line(), 0, lexer.includedFrom());
  }

  private SchemaParseException error(String message) {
    Line l = lines.get(index);
    return lineError(l, l.pos(), message);
  }

  private SchemaParseException lineError(Line l, int at, String message) {
    int col = PythonText.column(lexer.source(), l.linePos(), at);
    return new SchemaParseException(Diagnostic.error(location().withColumn(col), message));
  }

  private void semantic(@Nullable String message) {
    if (message != null) {
      throw new SchemaParseException(Diagnostic.error(location(), message));
    }
  }

  /** Compat fallback for a block QEMU would reject: its lines as one body, symbol kept. */
  private DocBlock plainText(SourceLocation info) {
    String symbol = null;
    StringBuilder body = new StringBuilder();
    for (Line l : lines) {
      if (!l.isComment() || src.startsWith("##", l.pos())) {
        break;
      }
      String text = PythonText.rstrip(src, l.pos() + 1, l.end());
      text = text.startsWith(" ") ? text.substring(1) : text;
      if (symbol == null && body.length() == 0 && text.startsWith("@")) {
        symbol = text.substring(1).replaceAll(":$", "").strip();
      } else {
        body.append(text).append('\n');
      }
    }
    DocBlock doc = new DocBlock(info, symbol == null || symbol.isEmpty() ? null : symbol);
    doc.appendLine(body.toString().strip());
    return doc;
  }
}
