package io.qapi4j.validator;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.path.PathType;
import io.qapi4j.jsonschema.Draft;
import io.qapi4j.jsonschema.JsonSchemaExporter;
import io.qapi4j.model.Command;
import io.qapi4j.model.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema engine: the schema exported as a JSON Schema bundle and checked with
 * networknt's validator. The message's kind and name pick the bundle entry to check against
 * ({@code command:NAME}, its {@code reply}, {@code event:NAME}, an envelope); networknt's errors
 * are mapped back to the native engine's codes and paths as far as its output allows.
 */
final class JsonSchemaMessageChecker implements MessageChecker {

  private final Schema schema;
  private final Protocol protocol;
  private final String id;
  private final SchemaRegistry registry;
  private final Map<String, com.networknt.schema.Schema> compiled = new ConcurrentHashMap<>();

  JsonSchemaMessageChecker(Schema schema, Protocol protocol, boolean lenientOutput) {
    this.schema = schema;
    this.protocol = protocol;
    ObjectNode bundle = JsonSchemaExporter.builder()
        .draft(Draft.DRAFT_2020_12)
        .protocol(protocol == Protocol.QGA ? io.qapi4j.jsonschema.Protocol.QGA
            : io.qapi4j.jsonschema.Protocol.QMP)
        .lenientOutput(lenientOutput)
        .docs(false)
        .build()
        .export(schema);
    this.id = bundle.get("$id").asString();
    Dialect.Builder dialect = Dialect.builder(Dialects.getDraft202012());
    JsonSchemaExporter.ANNOTATION_KEYWORDS.forEach(k -> dialect.keyword(new AnnotationKeyword(k)));
    this.registry = SchemaRegistry.withDialect(dialect.build(), b -> b
        .schemas(Map.of(id, bundle.toString()))
        .schemaRegistryConfig(SchemaRegistryConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .build()));
  }

  @Override
  public ValidationResult check(JsonNode message, Direction direction,
      @Nullable String inReplyTo) {
    MessageKind kind = MessageKinds.classify(message, protocol);
    if (direction == Direction.CLIENT && !kind.isCommand()) {
      kind = MessageKind.UNKNOWN;
    }
    JsonNode id = message.isObject() ? message.get("id") : null;
    String name = null;
    String target;
    String prefix = protocol == Protocol.QGA ? "qga:" : "qmp:";
    switch (kind) {
      case COMMAND, OOB_COMMAND -> {
        JsonNode exec = message.get(kind == MessageKind.OOB_COMMAND ? "exec-oob" : "execute");
        name = exec != null && exec.isString() ? exec.asString() : null;
        target = name != null && schema.command(name).isPresent()
            ? defs("command:" + name) : defs(prefix + "command");
      }
      case SUCCESS_REPLY -> {
        name = inReplyTo;
        target = inReplyTo != null && schema.command(inReplyTo).isPresent()
            ? defs("command:" + inReplyTo) + "/$defs/reply" : defs(prefix + "reply");
      }
      case ERROR_REPLY -> {
        name = inReplyTo;
        target = defs(prefix + "error");
      }
      case EVENT -> {
        JsonNode ev = message.get("event");
        name = ev != null && ev.isString() ? ev.asString() : null;
        target = name != null && schema.event(name).isPresent() ? defs("event:" + name)
            : defs("qmp:event");
      }
      case GREETING -> target = defs("qmp:greeting");
      default -> target = direction == Direction.CLIENT ? defs(prefix + "command") : id();
    }
    List<Error> errors = compiled.computeIfAbsent(target,
        t -> registry.getSchema(SchemaLocation.of(t))).validate(message);
    List<Violation> violations = new ArrayList<>();
    for (Error e : errors) {
      violations.add(NetworkntErrors.toViolation(e, kind, name, schema));
    }
    if (kind == MessageKind.SUCCESS_REPLY && inReplyTo != null) {
      Command c = schema.command(inReplyTo).orElse(null);
      if (c == null) {
        violations.add(new Violation("", "", ViolationCode.UNEXPECTED_REPLY,
            "Reply to the command " + inReplyTo + ", which the schema does not define",
            Severity.ERROR, null));
      }
    }
    return new ValidationResult(kind, name, id, violations);
  }

  @Override
  public ValidationResult checkType(String type, JsonNode value) {
    if (schema.type(type).isEmpty()) {
      throw new IllegalArgumentException("the schema has no type '" + type + "'");
    }
    String target = defs(type);
    List<Violation> violations = new ArrayList<>();
    for (Error e : compiled.computeIfAbsent(target, t -> registry.getSchema(SchemaLocation.of(t)))
        .validate(value)) {
      violations.add(NetworkntErrors.toViolation(e, MessageKind.UNKNOWN, type, schema));
    }
    return new ValidationResult(MessageKind.UNKNOWN, type, null, violations);
  }

  private String id() {
    return id;
  }

  private String defs(String key) {
    return id + "#/$defs/" + key;
  }
}
