package io.qapi4j.model.parse;

import io.qapi4j.model.Diagnostic;
import io.qapi4j.model.Module;
import io.qapi4j.model.Pragmas;
import io.qapi4j.model.SourceLocation;
import io.qapi4j.model.parse.QValue.QBool;
import io.qapi4j.model.parse.QValue.QList;
import io.qapi4j.model.parse.QValue.QNull;
import io.qapi4j.model.parse.QValue.QObject;
import io.qapi4j.model.parse.QValue.QString;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The parse stage: reads a root schema file and everything it includes into a {@link
 * ParsedSchema}, exactly as QEMU's {@code QAPISchemaParser} does (include-once by absolute path,
 * loop detection along the include chain, pragmas, documentation blocks attached to the
 * definition that follows them). The first syntax error stops parsing, as in QEMU.
 */
public final class SchemaParser {

  /** Deeper nesting is rejected; no schema comes close, and it keeps the stack bounded. */
  static final int MAX_NESTING = 1000;

  /** Deeper include chains are rejected (QEMU's own are 3 deep), keeping the stack bounded. */
  static final int MAX_INCLUDE_DEPTH = 64;

  private final Dialect dialect;
  private final SourceLoader loader;
  private final Set<Path> included = new HashSet<>();
  private final List<ParsedExpression> expressions = new ArrayList<>();
  private final List<DocBlock> docs = new ArrayList<>();
  private final List<Module> modules = new ArrayList<>();
  private final List<Diagnostic> warnings = new ArrayList<>();
  private final PragmaState pragmas = new PragmaState();
  private @Nullable Path rootDir;

  private SchemaParser(Dialect dialect, SourceLoader loader) {
    this.dialect = dialect;
    this.loader = loader;
  }

  /** The result of parsing: a parsed schema, or the error that stopped parsing. */
  public sealed interface Result {
    /** Parsing succeeded. */
    record Parsed(ParsedSchema schema) implements Result {}

    /** Parsing stopped at {@code error}; {@code warnings} were found before it. */
    record Failed(Diagnostic error, List<Diagnostic> warnings) implements Result {}
  }

  /**
   * Parses the schema whose root file is {@code rootPath}, a path string as the user gave it
   * (messages show it unchanged, and included files joined to it).
   */
  public static Result parse(String rootPath, Dialect dialect, SourceLoader loader) {
    SchemaParser parser = new SchemaParser(dialect, loader);
    try {
      String text;
      try {
        text = loader.read(rootPath);
      } catch (SourceLoader.UnreadableSourceException e) {
        return new Result.Failed(Diagnostic.error(new SourceLocation(rootPath, 0, 0, null),
            "can't read schema file '" + rootPath + "': " + e.getMessage()), List.of());
      }
      parser.rootDir = absolute(PathStrings.dirname(rootPath));
      parser.parseFile(rootPath, text, null);
      return new Result.Parsed(new ParsedSchema(parser.expressions, parser.docs, parser.modules,
          parser.pragmas.toPragmas(), parser.warnings));
    } catch (SchemaParseException e) {
      return new Result.Failed(e.diagnostic(), parser.warnings);
    } catch (SourceLoader.InvalidSourceException e) {
      return new Result.Failed(e.diagnostic(), parser.warnings);
    }
  }

  private static Path absolute(String path) {
    return Path.of(path.isEmpty() ? "." : path).toAbsolutePath().normalize();
  }

  private void parseFile(String fname, String text, @Nullable SourceLocation includedFrom) {
    included.add(absolute(fname));
    Path abs = absolute(fname);
    String name = rootDir == null ? fname : rootDir.relativize(abs).toString();
    modules.add(new Module(name, fname, includedFrom));
    new FileParser(new SchemaLexer(text, fname, includedFrom, dialect, warnings::add), fname).parse();
  }

  private void include(String include, SourceLocation info, String inclFname) {
    Path abs;
    try {
      abs = absolute(inclFname);
    } catch (InvalidPathException e) {
      throw semantic(info, "can't read include file '" + inclFname + "': Invalid argument");
    }
    int depth = 0;
    for (SourceLocation inf = info; inf != null; inf = inf.includedFrom()) {
      depth++;
    }
    if (depth > MAX_INCLUDE_DEPTH) {
      throw semantic(info, "includes nested deeper than " + MAX_INCLUDE_DEPTH + " files");
    }
    for (SourceLocation inf = info; inf != null; inf = inf.includedFrom()) {
      if (abs.equals(absolute(inf.file()))) {
        throw semantic(info, "inclusion loop for " + include);
      }
    }
    if (included.contains(abs)) {
      return;
    }
    String text;
    try {
      text = loader.read(inclFname);
    } catch (SourceLoader.UnreadableSourceException e) {
      throw semantic(info, "can't read include file '" + inclFname + "': " + e.getMessage());
    } catch (SourceLoader.InvalidSourceException e) {
      SourceLocation at = e.diagnostic().location();
      throw new SchemaParseException(Diagnostic.error(
          new SourceLocation(at.file(), at.line(), at.column(), info), e.diagnostic().message()));
    }
    parseFile(inclFname, text, info);
  }

  private static SchemaParseException semantic(SourceLocation info, String message) {
    return new SchemaParseException(Diagnostic.error(info, message));
  }

  /** Parses one file's top-level expressions, directives and documentation blocks. */
  private final class FileParser {
    private final SchemaLexer lexer;
    private final String fname;

    FileParser(SchemaLexer lexer, String fname) {
      this.lexer = lexer;
      this.fname = fname;
    }

    void parse() {
      lexer.accept();
      DocBlock curDoc = null;
      while (lexer.tok != SchemaLexer.Token.EOF) {
        SourceLocation info = lexer.location();
        if (lexer.tok == SchemaLexer.Token.COMMENT) {
          rejectExprDoc(curDoc);
          curDoc = DocCommentParser.read(lexer, dialect);
          if (curDoc != null) {
            docs.add(curDoc);
          }
          continue;
        }
        QValue expr = value(0);
        if (!(expr instanceof QObject obj)) {
          throw semantic(info, "top-level expression must be an object");
        }
        if (obj.has("include")) {
          rejectExprDoc(curDoc);
          if (obj.members().size() != 1) {
            throw semantic(info, "invalid 'include' directive");
          }
          if (!(obj.get("include") instanceof QString inc)) {
            throw semantic(info, "value of 'include' must be a string");
          }
          include(inc.value(), info, PathStrings.join(PathStrings.dirname(fname), inc.value()));
        } else if (obj.has("pragma")) {
          rejectExprDoc(curDoc);
          if (obj.members().size() != 1) {
            throw semantic(info, "invalid 'pragma' directive");
          }
          if (!(obj.get("pragma") instanceof QObject pragma)) {
            throw semantic(info, "value of 'pragma' must be an object");
          }
          for (Map.Entry<String, QValue> e : pragma.members().entrySet()) {
            pragmas.set(e.getKey(), e.getValue(), info, dialect, warnings::add);
          }
        } else {
          if (curDoc != null && curDoc.symbol() == null) {
            if (dialect == Dialect.STRICT) {
              throw semantic(curDoc.location(), "definition documentation required");
            }
            curDoc = null;
          }
          expressions.add(new ParsedExpression(obj, info, curDoc));
        }
        curDoc = null;
      }
      rejectExprDoc(curDoc);
    }

    private void rejectExprDoc(@Nullable DocBlock doc) {
      if (doc != null && doc.symbol() != null && dialect == Dialect.STRICT) {
        throw semantic(doc.location(),
            "documentation for '" + doc.symbol() + "' is not followed by the definition");
      }
    }

    private QValue value(int depth) {
      if (depth > MAX_NESTING) {
        throw lexer.error("nesting deeper than " + MAX_NESTING + " levels");
      }
      switch (lexer.tok) {
        case LBRACE -> {
          lexer.accept();
          return members(depth + 1);
        }
        case LBRACKET -> {
          lexer.accept();
          return elements(depth + 1);
        }
        case STRING -> {
          QString s = new QString(lexer.val == null ? "" : lexer.val);
          lexer.accept();
          return s;
        }
        case TRUE, FALSE -> {
          QBool b = lexer.tok == SchemaLexer.Token.TRUE ? QBool.TRUE : QBool.FALSE;
          lexer.accept();
          return b;
        }
        case NULL -> {
          lexer.accept();
          return QNull.INSTANCE;
        }
        default -> throw lexer.error("expected '{', '[', string, or boolean");
      }
    }

    private boolean startsValue() {
      return switch (lexer.tok) {
        case LBRACE, LBRACKET, STRING, TRUE, FALSE, NULL -> true;
        default -> false;
      };
    }

    private QObject members(int depth) {
      LinkedHashMap<String, QValue> map = new LinkedHashMap<>();
      if (lexer.tok == SchemaLexer.Token.RBRACE) {
        lexer.accept();
        return QObject.owning(map);
      }
      if (lexer.tok != SchemaLexer.Token.STRING) {
        throw lexer.error("expected string or '}'");
      }
      while (true) {
        String key = lexer.val == null ? "" : lexer.val;
        lexer.accept();
        if (lexer.tok != SchemaLexer.Token.COLON) {
          throw lexer.error("expected ':'");
        }
        lexer.accept();
        if (map.containsKey(key)) {
          throw lexer.error("duplicate key '" + key + "'");
        }
        map.put(key, value(depth));
        if (lexer.tok == SchemaLexer.Token.RBRACE) {
          lexer.accept();
          return QObject.owning(map);
        }
        if (lexer.tok != SchemaLexer.Token.COMMA) {
          if (lexer.compat() && lexer.tok == SchemaLexer.Token.STRING) {
            lexer.warn("expected ',' or '}' (QEMU 1.0 to 1.5 accepted a missing comma)");
            continue;
          }
          throw lexer.error("expected ',' or '}'");
        }
        lexer.accept();
        if (lexer.tok != SchemaLexer.Token.STRING) {
          if (lexer.compat() && lexer.tok == SchemaLexer.Token.RBRACE) {
            lexer.warn("expected string (QEMU 1.0 to 1.5 accepted a trailing comma)");
            lexer.accept();
            return QObject.owning(map);
          }
          throw lexer.error("expected string");
        }
      }
    }

    private QList elements(int depth) {
      List<QValue> list = new ArrayList<>();
      if (lexer.tok == SchemaLexer.Token.RBRACKET) {
        lexer.accept();
        return new QList(list);
      }
      if (!startsValue()) {
        throw lexer.error("expected '{', '[', ']', string, or boolean");
      }
      while (true) {
        list.add(value(depth));
        if (lexer.tok == SchemaLexer.Token.RBRACKET) {
          lexer.accept();
          return new QList(list);
        }
        if (lexer.tok != SchemaLexer.Token.COMMA) {
          if (lexer.compat() && startsValue()) {
            lexer.warn("expected ',' or ']' (QEMU 1.0 to 1.5 accepted a missing comma)");
            continue;
          }
          throw lexer.error("expected ',' or ']'");
        }
        lexer.accept();
        if (lexer.compat() && lexer.tok == SchemaLexer.Token.RBRACKET) {
          lexer.warn("expected '{', '[', string, or boolean (QEMU 1.0 to 1.5 accepted a trailing comma)");
          lexer.accept();
          return new QList(list);
        }
      }
    }
  }
}
