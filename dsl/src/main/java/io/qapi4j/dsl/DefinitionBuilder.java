package io.qapi4j.dsl;

import io.qapi4j.model.SourceLocation;
import io.qapi4j.model.parse.QValue;
import io.qapi4j.model.parse.QValue.QObject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What every definition may have: an {@code 'if'} condition, features and a documentation
 * comment.
 */
@QapiDslMarker
public abstract sealed class DefinitionBuilder extends ConditionalFeatures
    permits EnumBuilder, MembersBuilder, UnionBuilder, SimpleUnionBuilder, AlternateBuilder {

  final SchemaBuilder schema;
  final String meta;
  final String name;
  final SourceLocation location;
  private @Nullable String docText;
  private @Nullable SourceLocation docLocation;

  DefinitionBuilder(SchemaBuilder schema, String meta, String name, SourceLocation location) {
    this.schema = schema;
    this.meta = meta;
    this.name = name;
    this.location = location;
  }

  /** The definition's name. */
  public String name() {
    return name;
  }

  /**
   * Sets the documentation comment: the text of a QAPI doc comment after its {@code @NAME:} line,
   * without the leading {@code "# "}, as in
   *
   * <pre>{@code
   * doc("""
   *     Information about a guest file.
   *
   *     @count: number of bytes read
   *
   *     Since: 0.15.0
   *     """);
   * }</pre>
   *
   * <p>It is read by the schema reader's own documentation parser and checked like a comment in
   * a schema file (member descriptions must match members, strict dialect). Its lines are
   * numbered from the line after this call, so problems point into a Java or Kotlin text block
   * that starts there.
   */
  public void doc(String text) {
    this.docText = text;
    this.docLocation = CallSite.here();
  }

  /** QEMU's title of the definition, {@code struct 'Foo'}, for diagnostics. */
  String title() {
    return meta + " '" + name + "'";
  }

  @Nullable String docText() {
    return docText;
  }

  @Nullable SourceLocation docLocation() {
    return docLocation;
  }

  /** The definition as the schema language writes it. */
  final QObject expression() {
    Map<String, QValue> out = new LinkedHashMap<>();
    out.put(meta, Q.str(name));
    writeBody(out);
    Q.common(out, condition(), features());
    writeFlags(out);
    return Q.object(out);
  }

  /** Writes the definition's own keys ({@code data}, {@code base}, ...). */
  abstract void writeBody(Map<String, QValue> out);

  /** Writes flags after {@code if} and {@code features} (commands and events). */
  void writeFlags(Map<String, QValue> out) {}
}
