package io.qapi4j.validator;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import io.qapi4j.jsonschema.Draft;
import io.qapi4j.jsonschema.JsonSchemaExporter;
import io.qapi4j.model.Command;
import io.qapi4j.model.Event;
import io.qapi4j.model.QapiType;
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
 * are mapped back to the native engine's codes and paths as far as its output allows ({@link
 * NetworkntErrors}). QEMU's rules the bundle cannot state are added here: {@code 1.0} is no
 * integer and {@code 1e400} is a number ({@link QemuTypeKeyword}), and a command without {@code
 * arguments} is checked as if it had {@code {}}, as QEMU's dispatcher reads it.
 */
final class JsonSchemaMessageChecker implements MessageChecker {

  private final Schema schema;
  private final Protocol protocol;
  private final String id;
  private final SchemaRegistry registry;
  private final Map<String, com.networknt.schema.Schema> compiled = new ConcurrentHashMap<>();
  private volatile com.networknt.schema.@Nullable Schema root;

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
    dialect.keyword(new QemuTypeKeyword());
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
    JsonNode checked = message;
    PayloadTypes payload = null;
    String prefix = protocol == Protocol.QGA ? "qga:" : "qmp:";
    switch (kind) {
      case COMMAND, OOB_COMMAND -> {
        JsonNode exec = message.get(kind == MessageKind.OOB_COMMAND ? "exec-oob" : "execute");
        name = exec != null && exec.isString() ? exec.asString() : null;
        Command c = name == null ? null : schema.command(name).orElse(null);
        // exec-oob of a command without allow-oob: the envelope's exec-oob enum says so.
        boolean direct = c != null && (kind == MessageKind.COMMAND || c.allowOob());
        target = direct ? defs("command:" + name) : defs(prefix + "command");
        if (c != null && !message.has("arguments")) {
          // QEMU's dispatcher reads absent arguments as {}: missing members are reported as such.
          ObjectNode withArguments = ((ObjectNode) message).deepCopy();
          withArguments.putObject("arguments");
          checked = withArguments;
        }
        if (c != null && c.gen() && c.arguments() != null) {
          payload = new PayloadTypes(schema, "/arguments", checked.get("arguments"), c.arguments());
        }
      }
      case SUCCESS_REPLY -> {
        name = inReplyTo;
        Command c = inReplyTo == null ? null : schema.command(inReplyTo).orElse(null);
        target = c != null ? defs("command:" + inReplyTo) + "/$defs/reply" : defs(prefix + "reply");
        if (c != null && c.returns() != null) {
          payload = new PayloadTypes(schema, "/return", message.get("return"), c.returns());
        }
      }
      case ERROR_REPLY -> {
        name = inReplyTo;
        target = defs(prefix + "error");
      }
      case EVENT -> {
        JsonNode ev = message.get("event");
        name = ev != null && ev.isString() ? ev.asString() : null;
        Event e = name == null ? null : schema.event(name).orElse(null);
        target = e != null ? defs("event:" + name) : defs("qmp:event");
        if (e != null && e.data() != null && message.has("data")) {
          payload = new PayloadTypes(schema, "/data", message.get("data"), e.data());
        }
      }
      case GREETING -> target = defs("qmp:greeting");
      default -> {
        if (direction != Direction.CLIENT && message.isObject()
            && !MessageKinds.looksLikeInput(message)) {
          return unknownMessage(message, id);
        }
        // Whatever else reaches a server is read as a (broken) command, as the native engine does.
        target = defs(prefix + "command");
      }
    }
    List<Violation> violations = new ArrayList<>(NetworkntErrors.toViolations(
        compiled(target).validate(checked), message, false, kind, name, schema, payload));
    if (kind == MessageKind.SUCCESS_REPLY && inReplyTo != null
        && schema.command(inReplyTo).isEmpty()) {
      violations.add(new Violation("", "", ViolationCode.UNEXPECTED_REPLY,
          "Reply to the command " + inReplyTo + ", which the schema does not define",
          Severity.ERROR, null));
    }
    return new ValidationResult(kind, name, id, violations);
  }

  /**
   * An object that is no command, reply, event or greeting: networknt reports why each message
   * kind fails; the verdict is one violation, as in the native engine.
   */
  private ValidationResult unknownMessage(JsonNode message, @Nullable JsonNode id) {
    List<Error> errors = root().validate(message);
    List<Violation> violations = new ArrayList<>();
    if (!errors.isEmpty()) {
      Error root = errors.stream().filter(e -> e.getInstanceLocation().getNameCount() == 0
          && ("oneOf".equals(e.getKeyword()) || "anyOf".equals(e.getKeyword())))
          .findFirst().orElse(errors.get(0));
      violations.add(new Violation("", "", ViolationCode.UNKNOWN_MESSAGE, root.getMessage(),
          Severity.ERROR, null));
    }
    return new ValidationResult(MessageKind.UNKNOWN, null, id, violations);
  }

  @Override
  public ValidationResult checkType(String type, JsonNode value) {
    QapiType t = schema.typeOrNull(type);
    if (t == null) {
      throw new IllegalArgumentException("the schema has no type '" + type + "'");
    }
    List<Violation> violations = NetworkntErrors.toViolations(compiled(defs(type)).validate(value),
        value, true, MessageKind.UNKNOWN, type, schema, new PayloadTypes(schema, "", value, t));
    return new ValidationResult(MessageKind.UNKNOWN, type, null, violations);
  }

  /**
   * The compiled schema at {@code target}, a JSON Pointer into the bundle. The bundle is compiled
   * once, as a whole: compiling each target from the registry would load the bundle again each
   * time (a tenth of a second to a second for QEMU master's).
   */
  private com.networknt.schema.Schema compiled(String target) {
    return compiled.computeIfAbsent(target, t -> {
      NodePath path = new NodePath(PathType.JSON_POINTER);
      for (String segment : PayloadTypes.segments(t)) {
        path = path.append(segment);
      }
      return root().getSubSchema(path);
    });
  }

  private com.networknt.schema.Schema root() {
    com.networknt.schema.Schema r = root;
    if (r == null) {
      synchronized (this) {
        r = root;
        if (r == null) {
          r = registry.getSchema(SchemaLocation.of(id));
          root = r;
        }
      }
    }
    return r;
  }

  /** The pointer to {@code $defs} entry {@code key}. */
  private static String defs(String key) {
    return "/$defs/" + key;
  }
}
