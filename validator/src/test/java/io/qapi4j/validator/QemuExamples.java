package io.qapi4j.validator;

import io.qapi4j.model.Schema;
import io.qapi4j.model.SchemaResult;
import io.qapi4j.model.read.SchemaReader;
import io.qapi4j.testing.QemuDocExamples;
import io.qapi4j.testing.SharedData;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * QEMU master's doc examples ({@link QemuDocExamples}) as messages to validate: parsed by the
 * validator's parser (exact numbers), with their direction and, for a reply, the command it
 * answers — the command sent last before it in the same example, else the command the doc block
 * documents.
 */
final class QemuExamples {

  /** One example message. */
  record Example(String key, String definition, String protocol, Direction direction,
      String text, JsonNode message, @Nullable String inReplyTo) {}

  private static final Map<String, Schema> SCHEMAS = new HashMap<>();

  private QemuExamples() {}

  /** Every example that is JSON, in file order. */
  static List<Example> all() {
    return QemuDocExamples.read().stream().map(e -> {
      JsonNode message = MessageParser.MAPPER.readTree(e.text());
      String inReplyTo = null;
      if (message.has("return")) {
        inReplyTo = e.commandBefore() != null ? e.commandBefore()
            : schema(e.schema()).command(e.definition()).isPresent() ? e.definition() : null;
      }
      return new Example(e.key(), e.definition(), e.schema(),
          e.client() ? Direction.CLIENT : Direction.SERVER, e.text(), message, inReplyTo);
    }).toList();
  }

  /** Master's QMP ({@code qmp}) or QGA ({@code qga}) schema, read once. */
  static synchronized Schema schema(String protocol) {
    return SCHEMAS.computeIfAbsent(protocol, p -> {
      Path root = SharedData.shared(p.equals("qga") ? "qemu-qapi/master/qga/qapi-schema.json"
          : "qemu-qapi/master/qapi/qapi-schema.json");
      SchemaResult r = SchemaReader.compat().read(root);
      if (!r.ok()) {
        throw new AssertionError(root + ": " + r.errors());
      }
      return r.orElseThrow();
    });
  }
}
