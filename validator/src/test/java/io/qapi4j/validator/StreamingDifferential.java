package io.qapi4j.validator;

import static org.assertj.core.api.Assertions.fail;

import io.qapi4j.model.Schema;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Checks that the streaming path gives what the tree walk gives — the same kind, name, id and
 * violations, in order — for one input at a time: as text, as bytes, as a stream and as a
 * capture's message with its direction, against the tree walk of the same validator and against
 * the validator as it was before streaming (UTF-8 only, the parser rejecting duplicate keys
 * itself, then the tree's checks and walk). Fails on the first difference, printing both results.
 */
final class StreamingDifferential {

  private final QmpValidator tree;
  private final QmpValidator streaming;
  private int inputs;

  /** Validators of {@code schema} with these settings, one walking trees, one streaming. */
  StreamingDifferential(Schema schema, Protocol protocol, boolean lenientOutput,
      CompatPolicy policy) {
    this.tree = QmpValidator.builder(schema).protocol(protocol).lenientOutput(lenientOutput)
        .compatPolicy(policy).streaming(false).build();
    this.streaming = QmpValidator.builder(schema).protocol(protocol).lenientOutput(lenientOutput)
        .compatPolicy(policy).streaming(true).build();
  }

  /** How many inputs were compared. */
  int inputs() {
    return inputs;
  }

  /** Compares the paths on {@code text}, given as text, UTF-8 bytes and a stream. */
  void check(String text, @Nullable String inReplyTo, String what) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ValidationResult reference = beforeStreaming(text, Direction.UNKNOWN, inReplyTo);
    same(what + " (text, tree walk)", text, reference, tree.validate(text, inReplyTo));
    same(what + " (text, streaming)", text, reference, streaming.validate(text, inReplyTo));
    check(bytes, inReplyTo, what);
  }

  /** Compares the paths on {@code bytes} (maybe not UTF-8), given as bytes and as a stream. */
  void check(byte[] bytes, @Nullable String inReplyTo, String what) {
    inputs++;
    String shown = new String(bytes, StandardCharsets.UTF_8);
    ValidationResult reference = beforeStreaming(bytes, Direction.UNKNOWN, inReplyTo);
    same(what + " (bytes, tree walk)", shown, reference, tree.validate(bytes, inReplyTo));
    same(what + " (bytes, streaming)", shown, reference, streaming.validate(bytes, inReplyTo));
    same(what + " (stream, streaming)", shown, reference,
        streaming.validate(new ByteArrayInputStream(bytes), inReplyTo));
  }

  /**
   * Compares the paths on a capture's message, {@code bytes} travelling {@code direction}, as
   * {@code CaptureValidator} hands it over.
   */
  void check(byte[] bytes, Direction direction, @Nullable String inReplyTo, String what) {
    inputs++;
    String shown = new String(bytes, StandardCharsets.UTF_8);
    ValidationResult reference = beforeStreaming(bytes, direction, inReplyTo);
    same(what + " (captured, tree walk)", shown, reference,
        tree.validate(bytes, direction, inReplyTo));
    same(what + " (captured, streaming)", shown, reference,
        streaming.validate(bytes, direction, inReplyTo));
  }

  /**
   * The verdict as the validator gave it before streaming: bytes UTF-8 only, the strict parser,
   * then the tree's checks and the tree walk.
   */
  private ValidationResult beforeStreaming(Object input, Direction direction,
      @Nullable String inReplyTo) {
    JsonNode node;
    try {
      if (input instanceof byte[] bytes) {
        String leading = MessageParser.leadingProblem(bytes, bytes.length);
        if (leading != null) {
          return QmpValidator.parseError(leading);
        }
        node = MessageParser.MAPPER.readTree(bytes);
      } else {
        node = MessageParser.MAPPER.readTree((String) input);
      }
    } catch (JacksonException e) {
      return QmpValidator.parseError(MessageParser.describe(e));
    }
    if (node.isMissingNode()) {
      return QmpValidator.parseError("JSON parse error, no JSON value");
    }
    return tree.validate(node, direction, inReplyTo);
  }

  private static void same(String what, String input, ValidationResult expected,
      ValidationResult actual) {
    if (!expected.equals(actual)) {
      fail("%s differs from the tree walk on%n  %s%n--- tree walk:%n%s%n--- %s:%n%s", what,
          input.length() > 2000 ? input.substring(0, 2000) + "..." : input, show(expected),
          what, show(actual));
    }
  }

  private static String show(ValidationResult r) {
    return "  " + r.kind() + " name=" + r.name() + " id=" + r.id() + "\n"
        + r.violations().stream().map(v -> "  " + v.code() + " " + v.pointer() + " [" + v.path()
            + "] " + v.message() + " {" + v.severity() + ", " + v.element() + "}")
        .collect(Collectors.joining("\n"));
  }
}
