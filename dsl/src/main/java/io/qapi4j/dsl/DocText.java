package io.qapi4j.dsl;

import io.qapi4j.model.Diagnostic;
import io.qapi4j.model.SourceLocation;
import io.qapi4j.model.parse.Dialect;
import io.qapi4j.model.parse.DocBlock;
import io.qapi4j.model.parse.ParsedExpression;
import io.qapi4j.model.parse.SchemaParser;
import io.qapi4j.model.parse.SourceLoader;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns a definition's documentation text into the parser's {@link DocBlock}, by handing the
 * reader's own parser the comment exactly as it would stand in a schema file:
 *
 * <pre>
 * ##
 * # &#64;NAME:
 * # TEXT...
 * ##
 * </pre>
 *
 * <p>The comment is placed so that its {@code ##} sits on the line before the {@code doc(...)}
 * call, its {@code @NAME:} line on that call's line, and its text from the next line on: where a
 * text block passed to {@code doc} stands. So doc-comment problems (strict dialect) point into
 * the text block, with the parser's words.
 */
final class DocText {
  private DocText() {}

  static @Nullable DocBlock parse(String symbol, String text, SourceLocation at, Dialect dialect,
      List<Diagnostic> errors) {
    int first = Math.max(1, at.line() - 1);
    StringBuilder source = new StringBuilder();
    source.append("\n".repeat(first - 1));
    source.append("##\n# @").append(symbol).append(":\n");
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    for (String line : body.split("\n", -1)) {
      source.append(line.isEmpty() ? "#" : "# " + line).append('\n');
    }
    source.append("##\n{}\n");
    String file = at.file();
    SchemaParser.Result result =
        SchemaParser.parse(file, dialect, SourceLoader.inMemory(Map.of(file, source.toString())));
    if (result instanceof SchemaParser.Result.Failed failed) {
      errors.add(failed.error());
      return null;
    }
    List<ParsedExpression> expressions = ((SchemaParser.Result.Parsed) result).schema().expressions();
    return expressions.isEmpty() ? null : expressions.get(0).doc();
  }
}
