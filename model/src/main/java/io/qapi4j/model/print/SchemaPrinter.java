package io.qapi4j.model.print;

import io.qapi4j.model.Definition;
import io.qapi4j.model.DocComment;
import io.qapi4j.model.Schema;
import io.qapi4j.model.print.SchemaValue.Dict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints a {@link Schema} as QAPI schema text, so that a model built in code (the DSL,
 * introspection) can be written as a schema file, and a schema read from files can be written
 * back. Immutable and thread-safe.
 *
 * <pre>{@code
 * String text = SchemaPrinter.builder().docs(true).build().print(schema);
 * SchemaReader.compat().readText("schema.json", text);   // reads back an equal model
 * }</pre>
 *
 * <p>The output is conventionally formatted QAPI in QEMU's style: single quotes, one definition
 * per block ({@code { 'struct': 'Foo', 'data': { ... } }}, broken over aligned lines when it does
 * not fit the line width), a blank line between blocks, non-default pragmas first. It uses
 * today's syntax wherever the model allows, and otherwise the legacy syntax that {@link
 * io.qapi4j.model.read.SchemaReader#compat() compat} reading turns back into an equal model:
 * simple unions, anonymous unions ({@code 'discriminator': {}}), C-expression {@code 'if'}
 * strings and lists, nested struct types written in place. Implicit argument structs are written
 * as inline {@code 'data'}, implicit union bases as inline {@code 'base'}, arrays as
 * {@code ['T']}, optional members with {@code *}, and a member in the long form only when it has
 * an {@code 'if'} or features.
 *
 * <p>Documentation comments are written in QEMU's doc syntax line for line as the model holds
 * them, so that they survive the round trip, line lengths and sentence spacing included. Free-form
 * documentation (section headings) is not part of the model and is not printed.
 *
 * <p>QAPI strings hold only printable ASCII without single quotes; a name, enum value, prefix or
 * condition that holds anything else makes the printer throw {@link IllegalArgumentException}.
 * Documentation is comment text and may hold anything.
 */
public final class SchemaPrinter {

  /** The default line width: lines stay within 80 characters where they can. */
  public static final int DEFAULT_LINE_WIDTH = 80;

  /** The root module's name when a schema built in code is printed per module. */
  public static final String DEFAULT_ROOT_MODULE = "qapi-schema.json";

  private static final String MODE_LINES = "# -*- Mode: Python -*-\n# vim: filetype=python\n";

  private final boolean docs;
  private final int lineWidth;

  private SchemaPrinter(Builder builder) {
    this.docs = builder.docs;
    this.lineWidth = builder.lineWidth;
  }

  /** A builder, with documentation on and {@link #DEFAULT_LINE_WIDTH}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@code schema} as one schema file.
   *
   * @throws IllegalArgumentException when a string of the schema cannot be written in QAPI
   */
  public String print(Schema schema) {
    StringBuilder out = new StringBuilder();
    try {
      printTo(schema, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Appends {@code schema} as one schema file to {@code out}.
   *
   * @throws IllegalArgumentException when a string of the schema cannot be written in QAPI
   * @throws IOException when {@code out} throws it
   */
  public void printTo(Schema schema, Appendable out) throws IOException {
    DefinitionExpressions expressions = new DefinitionExpressions(schema);
    out.append(MODE_LINES);
    Dict pragmas = DefinitionExpressions.pragmas(schema.pragmas());
    if (pragmas != null) {
      out.append('\n').append(format(pragmas)).append('\n');
    }
    for (Definition d : schema.entities()) {
      if (!d.implicit()) {
        out.append('\n').append(block(expressions, d));
      }
    }
  }

  /**
   * {@code schema} as one file per module it was read from, each with {@code include} directives
   * for the modules it included, by module name (the path relative to the root's directory, as
   * in {@link io.qapi4j.model.Module#name()}), root first. Pragmas go to the root. A schema built
   * in code, without modules, comes out as one module called {@link #DEFAULT_ROOT_MODULE}.
   *
   * @throws IllegalArgumentException when a string of the schema cannot be written in QAPI
   */
  public Map<String, String> printModules(Schema schema) {
    DefinitionExpressions expressions = new DefinitionExpressions(schema);
    Dict pragmas = DefinitionExpressions.pragmas(schema.pragmas());
    Map<String, String> out = new LinkedHashMap<>();
    boolean root = true;
    for (Map.Entry<String, List<ModuleLayout.Item>> module
        : ModuleLayout.layout(schema, DEFAULT_ROOT_MODULE).entrySet()) {
      StringBuilder text = new StringBuilder(MODE_LINES);
      if (root && pragmas != null) {
        text.append('\n').append(format(pragmas)).append('\n');
      }
      root = false;
      for (ModuleLayout.Item item : module.getValue()) {
        text.append('\n');
        if (item instanceof ModuleLayout.IncludeItem include) {
          text.append(format(DefinitionExpressions.include(include.path()))).append('\n');
        } else {
          text.append(block(expressions, ((ModuleLayout.DefinitionItem) item).definition()));
        }
      }
      out.put(module.getKey(), text.toString());
    }
    return Collections.unmodifiableMap(out);
  }

  /** A definition's documentation (if printed) and expression, ending in a newline. */
  private String block(DefinitionExpressions expressions, Definition d) {
    StringBuilder out = new StringBuilder();
    DocComment doc = d.doc();
    if (docs && doc != null) {
      for (String line : DocCommentWriter.lines(doc, d.name())) {
        out.append(line).append('\n');
      }
    }
    try {
      out.append(format(expressions.definition(d))).append('\n');
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot print " + d.title() + ": " + e.getMessage(), e);
    }
    return out.toString();
  }

  private String format(Dict expression) {
    return new ExpressionFormatter(lineWidth).format(expression);
  }

  /** Configures a {@link SchemaPrinter}. */
  public static final class Builder {
    private boolean docs = true;
    private int lineWidth = DEFAULT_LINE_WIDTH;

    private Builder() {}

    /** Whether to print documentation comments (default {@code true}). */
    public Builder docs(boolean docs) {
      this.docs = docs;
      return this;
    }

    /**
     * The width lines should stay within (default {@link #DEFAULT_LINE_WIDTH}); an expression
     * that does not fit is broken over several lines. Documentation lines are printed as they
     * are.
     */
    public Builder lineWidth(int lineWidth) {
      if (lineWidth < 1) {
        throw new IllegalArgumentException("line width must be positive: " + lineWidth);
      }
      this.lineWidth = lineWidth;
      return this;
    }

    /** The printer. */
    public SchemaPrinter build() {
      return new SchemaPrinter(this);
    }
  }
}
