package io.qapi4j.validator;

import io.qapi4j.validator.NativeMessageChecker.Prechecked;
import io.qapi4j.validator.checks.CompiledSchema;
import io.qapi4j.validator.checks.CompiledSchema.CommandChecks;
import io.qapi4j.validator.checks.CompiledSchema.EventChecks;
import io.qapi4j.validator.checks.TreeFallback;
import io.qapi4j.validator.checks.TypeCheck;
import io.qapi4j.validator.checks.Walk;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The native engine straight from the token stream: the payload ({@code arguments}, {@code
 * return}, {@code data}) is checked as the parser reads it, and no tree of it is built. The
 * envelope's members ({@code execute}, {@code id}, {@code timestamp} and the like) are collected
 * as they come ({@link StreamedEnvelope}); a message of one of the shapes well-formed traffic has
 * gets its verdict from them directly, any other has its envelope made a (small) tree on which
 * {@link NativeMessageChecker} applies the envelope rules exactly as for a parsed message — both
 * taking the payload's violations from the stream.
 *
 * <p>The payload is checked in stream when what it must be is known by the time it starts:
 * {@code execute} before {@code arguments} (as every client writes it), {@code event} before
 * {@code data} (as QEMU writes it), and a reply whose command is known. Otherwise it is read as a
 * tree. Anything else that streaming does not decide — malformed JSON, a duplicate key, content
 * after the message, and in text not known to be {@linkplain CleanStrings clean} a surrogate in a
 * string (QEMU's parser refuses a lone one) or input that is no UTF-8 — returns {@code null}: the
 * caller parses the message into a tree, and the tree walk gives the verdict, with parse errors
 * worded and positioned as the tree's checks report them. In clean text, strings no check reads
 * are skipped without being decoded.
 */
final class StreamingMessageChecker {

  /** Stand-ins for a payload checked in stream; never leave this package, never written to. */
  private static final JsonNode OBJECT_PLACEHOLDER = MessageParser.FAST.createObjectNode();
  private static final JsonNode ARRAY_PLACEHOLDER = MessageParser.FAST.createArrayNode();
  private static final JsonNodeFactory NODES = MessageParser.FAST.getNodeFactory();
  /** The deserializer of trees that parsers of {@link MessageParser#FAST} use. */
  private static final ValueDeserializer<Object> TREES = treeDeserializer();

  private final NativeMessageChecker checker;
  private final CompiledSchema compiled;
  private final Protocol protocol;

  StreamingMessageChecker(NativeMessageChecker checker, CompiledSchema compiled,
      Protocol protocol) {
    this.checker = checker;
    this.compiled = compiled;
    this.protocol = protocol;
  }

  /**
   * The verdict on the message in {@code json} travelling {@code direction}, or {@code null} if
   * the tree walk must give it; {@code clean}: whether {@code json} is {@linkplain CleanStrings
   * clean}, so that its strings need no closer look.
   */
  @Nullable ValidationResult check(byte[] json, boolean clean, Direction direction,
      @Nullable String inReplyTo) {
    if (MessageParser.leadingProblem(json, json.length) != null) {
      return null;   // not UTF-8 as QEMU reads it, which Jackson would take
    }
    try (JsonParser p = MessageParser.FAST.createParser(json)) {
      return check(p, clean, direction, inReplyTo);
    } catch (JacksonException | TreeFallback e) {
      return null;
    }
  }

  /**
   * The verdict on the message in {@code json} travelling {@code direction}, or {@code null} if
   * the tree walk must give it; {@code clean} as for bytes.
   */
  @Nullable ValidationResult check(String json, boolean clean, Direction direction,
      @Nullable String inReplyTo) {
    try (JsonParser p = MessageParser.FAST.createParser(json)) {
      return check(p, clean, direction, inReplyTo);
    } catch (JacksonException | TreeFallback e) {
      return null;
    }
  }

  private @Nullable ValidationResult check(JsonParser p, boolean clean, Direction direction,
      @Nullable String inReplyTo) {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      return null;
    }
    StreamedEnvelope envelope = new StreamedEnvelope();
    ObjectNode message = null;   // the envelope as a tree, from its first member no message has
    Prechecked pre = null;
    boolean execSeen = false;
    String command = null;
    String event = null;
    for (int match = p.nextNameMatch(StreamedEnvelope.MATCHER);
        match != PropertyNameMatcher.MATCH_END_OBJECT;
        match = p.nextNameMatch(StreamedEnvelope.MATCHER)) {
      if (match < 0 && match != PropertyNameMatcher.MATCH_UNKNOWN_NAME) {
        return null;
      }
      String key = match >= 0 ? StreamedEnvelope.KEYS.get(match) : p.currentName();
      JsonToken token = p.nextToken();
      JsonNode value = null;
      if (pre == null && (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY)) {
        pre = precheck(p, match, clean, direction, command, event, inReplyTo, envelope);
        value = pre != null ? pre.placeholder() : null;
      }
      if (value == null) {
        value = tree(p, token);
      }
      if (message == null && match >= 0) {
        if (!envelope.add(match, value)) {
          return null;   // a duplicate key: a parse error, as the tree's parser words it
        }
      } else {
        if (message == null) {
          message = envelope.toTree();
        }
        if (message.replace(key, value) != null) {
          return null;
        }
      }
      if (!execSeen && (match == StreamedEnvelope.EXECUTE
          || (protocol == Protocol.QMP && match == StreamedEnvelope.EXEC_OOB))) {
        execSeen = true;
        command = value.isString() ? value.asString() : null;
      } else if (match == StreamedEnvelope.EVENT) {
        event = value.isString() ? value.asString() : null;
      }
    }
    if (p.nextToken() != null) {
      return null;   // content after the message
    }
    if (message == null && clean) {
      ValidationResult verdict = envelope.verdict(checker, compiled, protocol, direction,
          inReplyTo, pre);
      if (verdict != null) {
        return verdict;
      }
    }
    if (message == null) {
      message = envelope.toTree();
    }
    if (!clean && JsonTreeCheck.problem(message) != null) {
      return null;   // what QEMU's parser refuses, in the members read as trees
    }
    return checker.check(message, direction, inReplyTo, pre);
  }

  /**
   * The value that starts at the current token, {@code token}, as a tree: strings (command and
   * event names, some ids) and ints (most ids) directly, the rest as {@link
   * JsonParser#readValueAsTree} reads it — but with the tree deserializer found once, not on
   * every call (a tenth of a small message's time went to finding it).
   */
  private static JsonNode tree(JsonParser p, JsonToken token) {
    return switch (token) {
      case VALUE_STRING -> NODES.stringNode(p.getString());
      case VALUE_NULL -> NODES.nullNode();
      // An id, mostly: an int as the tree deserializer reads it (the mapper widens no ints).
      case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.INT
          ? NODES.numberNode(p.getIntValue()) : treeOf(p);
      default -> treeOf(p);
    };
  }

  private static JsonNode treeOf(JsonParser p) {
    return (JsonNode) TREES.deserialize(p, (DeserializationContext) p.objectReadContext());
  }

  /** What {@link DeserializationContext#readTree} finds for every call: the tree deserializer. */
  private static ValueDeserializer<Object> treeDeserializer() {
    try (JsonParser p = MessageParser.FAST.createParser("null")) {
      DeserializationContext context = (DeserializationContext) p.objectReadContext();
      return context.findRootValueDeserializer(context.constructType(JsonNode.class));
    }
  }

  /**
   * Checks member {@code key}, whose value starts at the current token, if it is the payload the
   * message needs checked and what that must be is known already; else returns {@code null}
   * without reading it. Whether the check counts is the envelope rules' call, later: the
   * violations are kept aside until then.
   */
  private @Nullable Prechecked precheck(JsonParser p, int member, boolean clean,
      Direction direction, @Nullable String command, @Nullable String event,
      @Nullable String inReplyTo, StreamedEnvelope envelope) {
    if (direction == Direction.CLIENT && member != StreamedEnvelope.ARGUMENTS) {
      return null;   // a client's message is read as a command: no return or data is checked
    }
    switch (member) {
      case StreamedEnvelope.ARGUMENTS -> {
        if (command == null) {
          return null;
        }
        CommandChecks c = compiled.command(command);
        envelope.command(c);
        return c == null || !c.command().gen() ? null
            : stream(p, clean, c.arguments(), c.element(), checker::argumentsWalk);
      }
      case StreamedEnvelope.RETURN -> {
        if (inReplyTo == null) {
          return null;
        }
        CommandChecks c = compiled.command(inReplyTo);
        envelope.command(c);
        return c == null || !c.command().successResponse() ? null
            : stream(p, clean, c.returns(), c.element(), checker::returnWalk);
      }
      case StreamedEnvelope.DATA -> {
        if (event == null) {
          return null;
        }
        EventChecks e = compiled.event(event);
        envelope.event(e);
        return e == null || e.data() == null ? null
            : stream(p, clean, e.data(), e.element(), checker::dataWalk);
      }
      default -> {
        return null;
      }
    }
  }

  private static Prechecked stream(JsonParser p, boolean clean, TypeCheck check,
      SchemaElement element, Function<List<Violation>, Walk> walkOver) {
    JsonNode placeholder = p.currentToken() == JsonToken.START_OBJECT ? OBJECT_PLACEHOLDER
        : ARRAY_PLACEHOLDER;
    List<Violation> found = new ArrayList<>(0);
    Walk walk = walkOver.apply(found).streaming(clean);
    check.stream(p, walk, element);
    walk.finish();
    return new Prechecked(placeholder, check, found);
  }
}
