package io.qapi4j.validator;

import io.qapi4j.model.MonitorCommands;
import io.qapi4j.model.Schema;
import io.qapi4j.validator.checks.CompiledSchema;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Validates QMP or QGA messages against a schema. Build one per schema and reuse it: it is
 * immutable and thread-safe, and building compiles the schema.
 *
 * <pre>{@code
 * QmpValidator validator = QmpValidator.of(schema);
 * ValidationResult r = validator.validate("{\"execute\": \"blockdev-add\", \"arguments\": {}}");
 * for (Violation v : r.violations()) {
 *   System.out.println(v.pointer() + ": " + v.message());   // /arguments/driver: Parameter 'driver' is missing
 * }
 * // A reply can only be checked against the command it answers:
 * validator.validate("{\"return\": {\"running\": true}}", "query-status");
 * }</pre>
 *
 * <p>Malformed input never throws: it comes back as a {@link ViolationCode#JSON_PARSE_ERROR}.
 */
public final class QmpValidator {

  private final Schema schema;
  private final Protocol protocol;
  private final Engine engine;
  private final boolean lenientOutput;
  private final CompatPolicy policy;
  private final MessageChecker checker;

  private QmpValidator(Builder b) {
    this.schema = b.schema;
    this.protocol = b.protocol;
    this.engine = b.engine;
    this.lenientOutput = b.lenientOutput;
    this.policy = b.policy;
    // A QMP monitor knows qmp_capabilities even where the schema (QEMU before 2.8) does not.
    Schema checked = protocol == Protocol.QMP ? MonitorCommands.withQmpCapabilities(schema) : schema;
    this.checker = switch (engine) {
      case NATIVE -> new NativeMessageChecker(CompiledSchema.compile(checked), protocol,
          lenientOutput, policy);
      case JSON_SCHEMA -> new JsonSchemaMessageChecker(checked, protocol, lenientOutput);
    };
  }

  /** A validator of QMP messages with the native engine, strict output, QEMU's default policy. */
  public static QmpValidator of(Schema schema) {
    return builder(schema).build();
  }

  /** A validator of guest agent (QGA) messages. */
  public static QmpValidator forQga(Schema schema) {
    return builder(schema).protocol(Protocol.QGA).build();
  }

  /** A builder for {@code schema}. */
  public static Builder builder(Schema schema) {
    return new Builder(schema);
  }

  /** Configures a {@link QmpValidator}. */
  public static final class Builder {
    private final Schema schema;
    private Protocol protocol = Protocol.QMP;
    private Engine engine = Engine.NATIVE;
    private boolean lenientOutput;
    private CompatPolicy policy = CompatPolicy.ACCEPT_ALL;

    private Builder(Schema schema) {
      this.schema = Objects.requireNonNull(schema, "schema");
    }

    /** QMP (default) or QGA. */
    public Builder protocol(Protocol protocol) {
      this.protocol = protocol;
      return this;
    }

    /**
     * The native engine (default) or the JSON Schema engine. The JSON Schema engine cannot apply
     * a {@linkplain #compatPolicy compat policy}: {@link #build()} rejects the combination.
     */
    public Builder engine(Engine engine) {
      this.engine = engine;
      return this;
    }

    /**
     * Whether replies and events may carry members the schema does not know (clients must ignore
     * members added by newer servers). Default: strict, they are violations.
     */
    public Builder lenientOutput(boolean lenient) {
      this.lenientOutput = lenient;
      return this;
    }

    /**
     * What to do with deprecated and unstable input; default accepts everything, as QEMU does.
     * Only the native engine applies a policy other than {@link CompatPolicy#ACCEPT_ALL}.
     */
    public Builder compatPolicy(CompatPolicy policy) {
      this.policy = policy;
      return this;
    }

    /**
     * Builds the validator, compiling the schema.
     *
     * @throws IllegalStateException for the JSON Schema engine with a policy other than {@link
     *     CompatPolicy#ACCEPT_ALL}: JSON Schema has no notion of it (the bundle carries features
     *     as annotations only), and ignoring it would give verdicts the native engine does not
     */
    public QmpValidator build() {
      if (engine == Engine.JSON_SCHEMA && !policy.equals(CompatPolicy.ACCEPT_ALL)) {
        throw new IllegalStateException("the JSON Schema engine cannot apply the compat policy "
            + policy + "; use Engine.NATIVE");
      }
      return new QmpValidator(this);
    }
  }

  /**
   * A validator like this one (protocol, engine, output and compat policy) for another schema —
   * for a schema learnt during a session, such as the server's {@code query-qmp-schema} reply.
   */
  public QmpValidator withSchema(Schema other) {
    return builder(other).protocol(protocol).engine(engine).lenientOutput(lenientOutput)
        .compatPolicy(policy).build();
  }

  /**
   * The schema messages are checked against, as given (a QMP validator also knows {@code
   * qmp_capabilities} when the schema lacks it: {@link MonitorCommands}).
   */
  public Schema schema() {
    return schema;
  }

  /** The protocol. */
  public Protocol protocol() {
    return protocol;
  }

  /** The engine. */
  public Engine engine() {
    return engine;
  }

  /** Validates a message given as text. */
  public ValidationResult validate(String json) {
    return validate(json, null);
  }

  /** Validates a message; if it is a reply, checks its {@code return} against {@code inReplyTo}. */
  public ValidationResult validate(String json, @Nullable String inReplyTo) {
    return validate(MessageParser.parse(json), inReplyTo);
  }

  /** Validates a message given as UTF-8 bytes. */
  public ValidationResult validate(byte[] json) {
    return validate(json, null);
  }

  /** Validates a message given as UTF-8 bytes, as the reply to {@code inReplyTo} if it is one. */
  public ValidationResult validate(byte[] json, @Nullable String inReplyTo) {
    return validate(MessageParser.parse(json), inReplyTo);
  }

  /**
   * Validates a message given as UTF-8 bytes travelling {@code direction} (as a capture tells it),
   * as the reply to {@code inReplyTo} if it is one. Malformed input gives a {@link
   * ViolationCode#JSON_PARSE_ERROR}.
   */
  public ValidationResult validate(byte[] json, Direction direction, @Nullable String inReplyTo) {
    MessageParser.Parsed parsed = MessageParser.parse(json);
    if (parsed.node() == null) {
      return parseError(String.valueOf(parsed.error()));
    }
    return checker.check(parsed.node(), direction, inReplyTo);
  }

  /** Validates the one message the stream holds (the stream is read to its end, not closed). */
  public ValidationResult validate(InputStream json) {
    return validate(json, null);
  }

  /** Validates the one message the stream holds, as the reply to {@code inReplyTo} if it is one. */
  public ValidationResult validate(InputStream json, @Nullable String inReplyTo) {
    return validate(MessageParser.parse(json), inReplyTo);
  }

  /** Validates a parsed message. */
  public ValidationResult validate(JsonNode message) {
    return validate(message, null);
  }

  /**
   * Validates a parsed message, as the reply to {@code inReplyTo} if it is one. A tree QEMU's
   * parser could not have produced (a lone surrogate, nesting beyond 1024 levels, a string beyond
   * 64 MiB, a node that is no JSON) gives a {@link ViolationCode#JSON_PARSE_ERROR}.
   */
  public ValidationResult validate(JsonNode message, @Nullable String inReplyTo) {
    return check(message, Direction.UNKNOWN, inReplyTo);
  }

  /**
   * Validates a parsed message travelling {@code direction}: what a client sends is read as a
   * command, as a server would read it, whatever its keys.
   */
  public ValidationResult validate(JsonNode message, Direction direction, @Nullable String inReplyTo) {
    return check(message, direction, inReplyTo);
  }

  /**
   * Validates a bare value against the schema type {@code type} (a struct, union, alternate,
   * enum, array or built-in), with the input rules: members the type does not know are violations.
   *
   * @throws IllegalArgumentException if the schema has no such type
   */
  public ValidationResult validateType(String type, JsonNode value) {
    String problem = JsonTreeCheck.problem(value);
    return problem != null ? parseError(problem) : checker.checkType(type, value);
  }

  /** The verdict on text that is not JSON, as a result (for readers of captures). */
  public static ValidationResult parseError(String message) {
    return new ValidationResult(MessageKind.UNKNOWN, null, null, List.of(new Violation("", "",
        ViolationCode.JSON_PARSE_ERROR, message, Severity.ERROR, null)));
  }

  private ValidationResult validate(MessageParser.Parsed parsed, @Nullable String inReplyTo) {
    if (parsed.node() == null) {
      return parseError(String.valueOf(parsed.error()));
    }
    return check(parsed.node(), Direction.UNKNOWN, inReplyTo);
  }

  private ValidationResult check(JsonNode message, Direction direction, @Nullable String inReplyTo) {
    String problem = JsonTreeCheck.problem(message);
    return problem != null ? parseError(problem) : checker.check(message, direction, inReplyTo);
  }

  @Override
  public String toString() {
    return "QmpValidator[" + protocol + ", " + engine + (lenientOutput ? ", lenient output" : "")
        + ", " + schema + "]";
  }
}
