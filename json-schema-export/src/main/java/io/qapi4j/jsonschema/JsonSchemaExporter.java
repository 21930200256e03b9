package io.qapi4j.jsonschema;

import io.qapi4j.model.Module;
import io.qapi4j.model.MonitorCommands;
import io.qapi4j.model.Schema;
import io.qapi4j.model.SchemaConditions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Exports a QAPI schema as JSON Schema that ajv, python-jsonschema and networknt compile and agree
 * on. Immutable and thread-safe; build one with {@link #builder()}:
 *
 * <pre>{@code
 * JsonSchemaExporter exporter = JsonSchemaExporter.builder()
 *     .draft(Draft.DRAFT_2020_12)
 *     .id("10.2.50")
 *     .lenientOutput(true)
 *     .build();
 * ObjectNode bundle = exporter.export(schema);           // one document
 * Map<String, ObjectNode> files = exporter.exportSplit(schema); // one file per definition
 * }</pre>
 *
 * <p>The bundle's {@code $defs} hold every type by its QAPI name (built-ins, arrays {@code FooList}
 * and implicit types included) and, under keys with a {@code :} (which no QAPI name has), the
 * message schemas: {@code command:NAME} (with nested {@code arguments}, {@code returns} and {@code
 * reply}), {@code event:NAME} (with nested {@code data}), the envelopes {@code qmp:command}, {@code
 * qmp:reply}, {@code qmp:error}, {@code qmp:event}, {@code qmp:greeting}, {@code qmp:message} (QGA:
 * {@code qga:command}, {@code qga:reply}, {@code qga:error}, {@code qga:message}), and helper
 * definitions {@code open:TYPE} (member sets of union branches), {@code out:TYPE} (lenient output)
 * and {@code qmp:timestamp}. The root validates any message of the protocol. A QMP export always
 * has {@code command:qmp_capabilities}, also for schemas older than QEMU 2.8 that leave it to the
 * monitor ({@link MonitorCommands}).
 */
public final class JsonSchemaExporter {

  /** The annotation keywords exports use beyond the standard ones; validators must accept them. */
  public static final Set<String> ANNOTATION_KEYWORDS =
      Set.of("x-qapi-if", "x-qapi-features", "x-qapi-value-features", "x-qapi-value-if");

  /** The base of split exports' {@code $id}s: a domain that can never resolve. */
  private static final String SPLIT_BASE = "https://qapi4j.invalid/";

  private final Draft draft;
  private final @Nullable String id;
  private final boolean lenientOutput;
  private final Set<String> defined;
  private final boolean docs;
  private final @Nullable Protocol protocol;

  private JsonSchemaExporter(Builder b) {
    this.draft = b.draft;
    this.id = b.id;
    this.lenientOutput = b.lenientOutput;
    this.defined = Set.copyOf(b.defined);
    this.docs = b.docs;
    this.protocol = b.protocol;
  }

  /** A builder with the defaults: draft 2020-12, strict output, conditions kept, docs on. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The bundle: one document with {@code $schema}, an absolute {@code $id} ({@code
   * urn:qapi4j:qmp:ID} or {@code urn:qapi4j:qga:ID}), a root {@code $ref} to the protocol's message
   * schema, and every definition.
   *
   * @throws IllegalArgumentException when the schema references a type it does not define (only
   *     possible after {@link Builder#define(Set) conditions} removed it)
   */
  public ObjectNode export(Schema schema) {
    Context cx = context(schema);
    Map<String, ObjectNode> defs = BundleBuilder.definitions(cx);
    ObjectNode root = header(cx, "urn:qapi4j:" + cx.protocol.prefix() + ":" + idOf(schema));
    rootRef(root, cx.pointer(cx.protocol.prefix() + ":message"));
    ObjectNode defsNode = root.putObject(draft.defsKeyword());
    defs.forEach(defsNode::set);
    return root;
  }

  /**
   * One document per definition, by relative file name ({@code schema.json} for the root, {@code
   * type/NAME.json}, {@code command/NAME.json}, {@code event/NAME.json}, {@code qmp/message.json},
   * {@code open/NAME.json}, ...), each with its own {@code $id} under {@code
   * https://qapi4j.invalid/ID/} and relative {@code $ref}s to the others.
   */
  public Map<String, ObjectNode> exportSplit(Schema schema) {
    Context cx = context(schema);
    Map<String, ObjectNode> defs = BundleBuilder.definitions(cx);
    String base = SPLIT_BASE + idOf(schema) + "/";
    SplitLayout layout = new SplitLayout(draft);
    Map<String, ObjectNode> files = new LinkedHashMap<>();
    ObjectNode root = header(cx, base + SplitLayout.ROOT);
    rootRef(root, layout.file(cx.protocol.prefix() + ":message"));
    files.put(SplitLayout.ROOT, root);
    for (Map.Entry<String, ObjectNode> e : defs.entrySet()) {
      String file = layout.file(e.getKey());
      ObjectNode doc = JsonNodeFactory.instance.objectNode();
      doc.put("$schema", draft.metaSchema());
      doc.put("$id", base + file);
      ObjectNode body = e.getValue().deepCopy();
      layout.relativize(body, e.getKey());
      doc.setAll(body);
      files.put(file, doc);
    }
    return files;
  }

  private Context context(Schema schema) {
    Schema resolved = defined.isEmpty() ? schema : SchemaConditions.resolve(schema, defined::contains);
    Protocol p = protocol != null ? protocol : Protocol.detect(resolved);
    if (p == Protocol.QMP) {
      // Schemas before QEMU 2.8 lack qmp_capabilities, which the monitor handled itself.
      resolved = MonitorCommands.withQmpCapabilities(resolved);
    }
    return new Context(resolved, draft, p, lenientOutput, docs);
  }

  private ObjectNode header(Context cx, String idUri) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("$schema", draft.metaSchema());
    root.put("$id", idUri);
    root.put("title", cx.protocol.name() + " messages of QAPI schema " + idOf(cx.schema));
    root.put("$comment", comment(cx));
    return root;
  }

  private void rootRef(ObjectNode root, String ref) {
    if (draft == Draft.DRAFT_07) {
      // Draft-07 ignores everything beside a $ref, $id and definitions included.
      root.putArray("allOf").addObject().put("$ref", ref);
    } else {
      root.put("$ref", ref);
    }
  }

  private String comment(Context cx) {
    StringBuilder s = new StringBuilder("Exported by qapi4j")
        .append(cx.lenientOutput ? " with lenient output (replies and event data may carry unknown members)." : ".")
        .append(" Integer bounds are exactly representable doubles (int64: exclusiveMaximum 2^63;"
            + " uint64/size: minimum -2^63, as QEMU accepts negatives, exclusiveMaximum 2^64)."
            + " Not expressible in JSON Schema: QEMU rejects 1.0 (and 1e0) for integer types,"
            + " JSON Schema's data model treats them as the integer 1."
            + " x-qapi-if, x-qapi-features, x-qapi-value-features and x-qapi-value-if are annotations.");
    if (cx.draft == Draft.DRAFT_07) {
      s.append(" Draft-07 approximations: no 'deprecated' keyword (the feature is listed in"
          + " x-qapi-features only); annotations beside a $ref are ignored by draft-07 validators;"
          + " unions close their member sets with per-branch propertyNames instead of"
          + " unevaluatedProperties (same verdicts).");
    }
    return s.toString();
  }

  private String idOf(Schema schema) {
    String raw = id;
    if (raw == null) {
      raw = schema.modules().isEmpty() ? "schema" : stem(schema.modules().get(0));
    }
    String clean = raw.replaceAll("[^A-Za-z0-9._-]", "_");
    return clean.isEmpty() ? "schema" : clean;
  }

  private static String stem(Module root) {
    Path file = Path.of(root.name()).getFileName();
    String name = file == null ? root.name() : file.toString();
    return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
  }

  /** Configures a {@link JsonSchemaExporter}. Not thread-safe; the built exporter is. */
  public static final class Builder {
    private Draft draft = Draft.DRAFT_2020_12;
    private @Nullable String id;
    private boolean lenientOutput;
    private Set<String> defined = Set.of();
    private boolean docs = true;
    private @Nullable Protocol protocol;

    private Builder() {}

    /** The JSON Schema draft to write (default {@link Draft#DRAFT_2020_12}). */
    public Builder draft(Draft draft) {
      this.draft = Objects.requireNonNull(draft, "draft");
      return this;
    }

    /**
     * The schema's name or version, e.g. {@code 10.2.50}: the bundle's {@code $id} becomes {@code
     * urn:qapi4j:qmp:ID}, split files live under {@code https://qapi4j.invalid/ID/}. Characters
     * other than letters, digits, {@code .}, {@code _} and {@code -} become {@code _}. Default: the
     * root file's name without {@code .json}.
     */
    public Builder id(String id) {
      this.id = Objects.requireNonNull(id, "id");
      return this;
    }

    /**
     * Whether server output ({@code return} of replies, {@code data} of events, the greeting) may
     * carry members the schema does not know, as clients must tolerate (default {@code false}:
     * exactly the schema). Input stays closed either way.
     */
    public Builder lenientOutput(boolean lenientOutput) {
      this.lenientOutput = lenientOutput;
      return this;
    }

    /**
     * Resolves {@code 'if'} conditions as built with exactly these symbols defined: whatever is
     * conditional on something false is left out and no {@code x-qapi-if} remains. With no symbol
     * (the default), everything is exported and conditions are kept as {@code x-qapi-if}.
     */
    public Builder define(Set<String> symbols) {
      this.defined = Set.copyOf(symbols);
      return this;
    }

    /** Whether doc comments become {@code description}s (default {@code true}). */
    public Builder docs(boolean docs) {
      this.docs = docs;
      return this;
    }

    /**
     * The protocol whose messages the root describes (default: {@link Protocol#detect(Schema)
     * detected} from the schema).
     */
    public Builder protocol(Protocol protocol) {
      this.protocol = Objects.requireNonNull(protocol, "protocol");
      return this;
    }

    /** The exporter. */
    public JsonSchemaExporter build() {
      return new JsonSchemaExporter(this);
    }
  }
}
