package io.qapi4j.dsl;

import io.qapi4j.model.Diagnostic;
import io.qapi4j.model.Pragmas;
import io.qapi4j.model.SchemaResult;
import io.qapi4j.model.SourceLocation;
import io.qapi4j.model.check.SchemaChecker;
import io.qapi4j.model.parse.Dialect;
import io.qapi4j.model.parse.DocBlock;
import io.qapi4j.model.parse.ParsedExpression;
import io.qapi4j.model.parse.ParsedSchema;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Builds a QAPI schema in code: the same immutable {@link io.qapi4j.model.Schema} the reader
 * builds from schema files, through the same checker.
 *
 * <pre>{@code
 * SchemaResult result = QapiSchema.build(s -> {
 *   EnumRef status = s.enumType("Status", "running", "paused");
 *   StructRef info = s.struct("StatusInfo", st -> {
 *     st.member("status", status);
 *     st.optional("reason", STR);
 *   });
 *   s.command("query-status", c -> c.returns(info));
 * });
 * Schema schema = result.orElseThrow();
 * }</pre>
 *
 * <p>Each definition method writes the definition as the schema language would (the very values
 * the parser makes of the equivalent text) and remembers the call site; {@link #build()} hands
 * them to {@link SchemaChecker}, so a mistake comes back as the reader would report it, in QEMU's
 * words, positioned at the Java or Kotlin line that defined the culprit. Mistakes a map would
 * swallow — a member, branch or enum value written twice — are reported by the DSL itself at the
 * second call's line.
 *
 * <p>Types are referred to by handle ({@link TypeRef}), never by name; types defined further
 * down are referred to with {@link #forward(String)}. Not thread-safe; build one schema per
 * builder (calling {@link #build()} again checks the definitions again).
 */
@QapiDslMarker
public final class SchemaBuilder {

  private final Dialect dialect;
  private final List<DefinitionBuilder> definitions = new ArrayList<>();
  private final List<Diagnostic> errors = new ArrayList<>();
  private Pragmas pragmas = Pragmas.NONE;

  private SchemaBuilder(Dialect dialect) {
    this.dialect = dialect;
  }

  /** A builder checked by today's QEMU rules ({@link Dialect#STRICT}). */
  public static SchemaBuilder create() {
    return new SchemaBuilder(Dialect.STRICT);
  }

  /**
   * A builder checked by {@code dialect}: {@link Dialect#COMPAT} accepts the constructs of older
   * QEMU releases (simple and anonymous unions, nested structs, 'str' discriminators, C-expression
   * conditions) with warnings.
   */
  public static SchemaBuilder create(Dialect dialect) {
    return new SchemaBuilder(dialect);
  }

  /** The dialect {@link #build()} checks by. */
  public Dialect dialect() {
    return dialect;
  }

  /** Defines an enum type. */
  public EnumRef enumType(String name, Block<EnumBuilder> block) {
    EnumRef ref = new EnumRef(name);
    EnumBuilder b = new EnumBuilder(this, ref, CallSite.here());
    block.configure(b);
    definitions.add(b);
    return ref;
  }

  /** Defines an enum type with plain values. */
  public EnumRef enumType(String name, String... values) {
    EnumRef ref = new EnumRef(name);
    EnumBuilder b = new EnumBuilder(this, ref, CallSite.here());
    b.values(values);
    definitions.add(b);
    return ref;
  }

  /** Defines a struct without members. */
  public StructRef struct(String name) {
    StructRef ref = new StructRef(name);
    definitions.add(new StructBuilder(this, ref, CallSite.here()));
    return ref;
  }

  /** Defines a struct. */
  public StructRef struct(String name, Block<StructBuilder> block) {
    StructRef ref = new StructRef(name);
    StructBuilder b = new StructBuilder(this, ref, CallSite.here());
    block.configure(b);
    definitions.add(b);
    return ref;
  }

  /** Defines a flat union (see {@link UnionBuilder}). */
  public UnionRef union(String name, Block<UnionBuilder> block) {
    UnionBuilder b = new UnionBuilder(this, name, CallSite.here());
    block.configure(b);
    definitions.add(b);
    return new UnionRef(name);
  }

  /** Defines a simple union (before QEMU 6.2; compat dialect only). */
  public UnionRef simpleUnion(String name, Block<SimpleUnionBuilder> block) {
    SimpleUnionBuilder b = new SimpleUnionBuilder(this, name, CallSite.here());
    block.configure(b);
    definitions.add(b);
    return new UnionRef(name);
  }

  /** Defines an alternate. */
  public AlternateRef alternate(String name, Block<AlternateBuilder> block) {
    AlternateBuilder b = new AlternateBuilder(this, name, CallSite.here());
    block.configure(b);
    definitions.add(b);
    return new AlternateRef(name);
  }

  /** Defines a command without arguments, returning nothing. */
  public void command(String name) {
    definitions.add(new CommandBuilder(this, name, CallSite.here()));
  }

  /** Defines a command. */
  public void command(String name, Block<CommandBuilder> block) {
    CommandBuilder b = new CommandBuilder(this, name, CallSite.here());
    block.configure(b);
    definitions.add(b);
  }

  /** Defines an event without data. */
  public void event(String name) {
    definitions.add(new EventBuilder(this, name, CallSite.here()));
  }

  /** Defines an event. */
  public void event(String name, Block<EventBuilder> block) {
    EventBuilder b = new EventBuilder(this, name, CallSite.here());
    block.configure(b);
    definitions.add(b);
  }

  /**
   * A reference to the type {@code name}, defined further down (recursive types, forward
   * references). A name never defined is reported by {@link #build()} at each definition that
   * uses it ("uses unknown type").
   */
  public ForwardRef forward(String name) {
    return new ForwardRef(name);
  }

  /** Sets pragmas ({@code doc-required}, the exception lists). */
  public void pragmas(Block<PragmaBuilder> block) {
    PragmaBuilder b = new PragmaBuilder(pragmas);
    block.configure(b);
    pragmas = b.toPragmas();
  }

  /**
   * Checks the definitions with the reader's checker and returns the schema, or the problems:
   * first those the DSL found itself (duplicates), then the checker's, each positioned at the
   * call site of the definition (or member) concerned.
   */
  public SchemaResult build() {
    List<Diagnostic> dslErrors = new ArrayList<>(errors);
    List<ParsedExpression> expressions = new ArrayList<>();
    List<DocBlock> docs = new ArrayList<>();
    for (DefinitionBuilder d : definitions) {
      DocBlock doc = null;
      String docText = d.docText();
      SourceLocation docLocation = d.docLocation();
      if (docText != null && docLocation != null) {
        doc = DocText.parse(d.name(), docText, docLocation, dialect, dslErrors);
        if (doc != null) {
          docs.add(doc);
        }
      }
      expressions.add(new ParsedExpression(d.expression(), d.location, doc));
    }
    ParsedSchema parsed = new ParsedSchema(expressions, docs, List.of(), pragmas, List.of());
    SchemaResult checked = SchemaChecker.check(parsed, dialect);
    if (dslErrors.isEmpty()) {
      return checked;
    }
    List<Diagnostic> all = new ArrayList<>(dslErrors);
    all.addAll(checked.errors());
    return new SchemaResult(checked.partialSchema(), all, checked.warnings());
  }

  void error(SourceLocation at, @Nullable String definition, String message) {
    errors.add(Diagnostic.error(at, definition, message));
  }
}
