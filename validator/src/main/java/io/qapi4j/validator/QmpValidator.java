package io.qapi4j.validator;

import io.qapi4j.model.MonitorCommands;
import io.qapi4j.model.Schema;
import io.qapi4j.validator.checks.CompiledSchema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;
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
 *
 * <p>With the native engine, text, bytes and streams are checked straight from the parser's
 * tokens, without building a tree of the message (see {@link Builder#streaming}); a parsed
 * {@link JsonNode} is walked as a tree. Both give the same results, violations in the same order.
 */
public final class QmpValidator {

  private final Schema schema;
  private final Protocol protocol;
  private final Engine engine;
  private final boolean lenientOutput;
  private final CompatPolicy policy;
  private final MessageChecker checker;
  /** The native engine's path for text and bytes when streaming, else {@code null}. */
  private final @Nullable StreamingMessageChecker streaming;

  private QmpValidator(Builder b) {
    this.schema = b.schema;
    this.protocol = b.protocol;
    this.engine = b.engine;
    this.lenientOutput = b.lenientOutput;
    this.policy = b.policy;
    // A QMP monitor knows qmp_capabilities even where the schema (QEMU before 2.8) does not.
    Schema checked = protocol == Protocol.QMP ? MonitorCommands.withQmpCapabilities(schema) : schema;
    if (engine == Engine.NATIVE) {
      CompiledSchema compiled = CompiledSchema.compile(checked);
      NativeMessageChecker nativeChecker =
          new NativeMessageChecker(compiled, protocol, lenientOutput, policy);
      this.checker = nativeChecker;
      this.streaming = b.streaming
          ? new StreamingMessageChecker(nativeChecker, compiled, protocol) : null;
    } else {
      this.checker = new JsonSchemaMessageChecker(checked, protocol, lenientOutput);
      this.streaming = null;
    }
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
    private boolean streaming = true;

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
     * Whether the native engine checks text, bytes and streams straight from the parser's tokens
     * (the default: no tree is built, the fastest way) or parses them into a tree first and walks
     * that. Both give equal results; the JSON Schema engine always builds a tree.
     */
    public Builder streaming(boolean streaming) {
      this.streaming = streaming;
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
   * A validator like this one (protocol, engine, output, compat policy, streaming) for another
   * schema — for a schema learnt during a session, such as the server's {@code query-qmp-schema}
   * reply.
   */
  public QmpValidator withSchema(Schema other) {
    return builder(other).protocol(protocol).engine(engine).lenientOutput(lenientOutput)
        .compatPolicy(policy).streaming(streaming != null).build();
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
    boolean clean = CleanStrings.in(json);
    ValidationResult streamed = streaming == null ? null
        : streaming.check(json, clean, Direction.UNKNOWN, inReplyTo);
    return streamed != null ? streamed
        : validate(MessageParser.parse(json), clean, Direction.UNKNOWN, inReplyTo);
  }

  /** Validates a message given as UTF-8 bytes. */
  public ValidationResult validate(byte[] json) {
    return validate(json, null);
  }

  /** Validates a message given as UTF-8 bytes, as the reply to {@code inReplyTo} if it is one. */
  public ValidationResult validate(byte[] json, @Nullable String inReplyTo) {
    return validate(json, Direction.UNKNOWN, inReplyTo);
  }

  /**
   * Validates a message given as UTF-8 bytes travelling {@code direction} (as a capture tells it),
   * as the reply to {@code inReplyTo} if it is one. Malformed input gives a {@link
   * ViolationCode#JSON_PARSE_ERROR}.
   */
  public ValidationResult validate(byte[] json, Direction direction, @Nullable String inReplyTo) {
    boolean clean = CleanStrings.in(json);
    ValidationResult streamed = streaming == null ? null
        : streaming.check(json, clean, direction, inReplyTo);
    return streamed != null ? streamed
        : validate(MessageParser.parse(json), clean, direction, inReplyTo);
  }

  /** Validates the one message the stream holds (the stream is read to its end, not closed). */
  public ValidationResult validate(InputStream json) {
    return validate(json, null);
  }

  /** Validates the one message the stream holds, as the reply to {@code inReplyTo} if it is one. */
  public ValidationResult validate(InputStream json, @Nullable String inReplyTo) {
    if (streaming == null) {
      return validate(MessageParser.parse(json), false, Direction.UNKNOWN, inReplyTo);
    }
    // A message of sane size is read whole and streamed from its bytes; a bigger one, or a stream
    // that fails, is parsed as it comes, keeping to the parser's limits without holding it all.
    byte[] head = new byte[8192];
    int n = 0;
    try {
      for (int r; n < STREAM_IN_MEMORY && (r = json.read(head, n, head.length - n)) >= 0; ) {
        n += r;
        if (n == head.length && n < STREAM_IN_MEMORY) {
          head = Arrays.copyOf(head, Math.min(head.length * 2, STREAM_IN_MEMORY));
        }
      }
      if (n < STREAM_IN_MEMORY) {
        return validate(Arrays.copyOf(head, n), inReplyTo);
      }
    } catch (IOException e) {
      // the tree's parser reads on, meets the failure, and reports it
    }
    InputStream whole = new SequenceInputStream(new ByteArrayInputStream(head, 0, n), json);
    return validate(MessageParser.parse(whole), false, Direction.UNKNOWN, inReplyTo);
  }

  /** The size up to which a message given as a stream is read into memory to be streamed. */
  private static final int STREAM_IN_MEMORY = 8 << 20;

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

  /**
   * The verdict on a parsed message; {@code clean}: whether its text was {@linkplain CleanStrings
   * clean}, so that the tree holds nothing QEMU's parser refuses and Jackson's took.
   */
  private ValidationResult validate(MessageParser.Parsed parsed, boolean clean,
      Direction direction, @Nullable String inReplyTo) {
    if (parsed.node() == null) {
      return parseError(String.valueOf(parsed.error()));
    }
    return clean ? checker.check(parsed.node(), direction, inReplyTo)
        : check(parsed.node(), direction, inReplyTo);
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
