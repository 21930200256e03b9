package io.qapi4j.validator;

import io.qapi4j.model.Command;
import io.qapi4j.model.Event;
import io.qapi4j.model.Schema;
import io.qapi4j.model.read.SchemaReader;
import io.qapi4j.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The project's message suite, {@code testdata/messages/suite.jsonl}: each entry a message (or a
 * bare value), the schema and the bundle target it is checked against, and its expected verdict.
 */
final class MessageSuite {

  /** One entry. */
  record Entry(String id, String schema, String target, String text, boolean valid, String why,
      boolean lenient, java.util.Set<String> defines) {}

  private static final Map<String, Schema> SCHEMAS = new HashMap<>();

  private MessageSuite() {}

  static List<Entry> entries() throws IOException {
    List<Entry> out = new ArrayList<>();
    for (String line : Files.readAllLines(SharedData.testdata("messages/suite.jsonl"))) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode e = JsonMapper.shared().readTree(line);
      java.util.Set<String> defines = new java.util.TreeSet<>();
      e.path("define").forEach(d -> defines.add(d.asString()));
      out.add(new Entry(e.get("id").asString(), e.get("schema").asString(),
          e.get("target").asString(), e.get("text").asString(), e.get("valid").asBoolean(),
          e.path("why").asString(""), e.path("lenient").asBoolean(false), defines));
    }
    return out;
  }

  /** The entry's schema, with its conditions resolved when it names defined symbols. */
  static synchronized Schema schema(Entry e) {
    Schema s = schema(e.schema());
    return e.defines().isEmpty() ? s
        : io.qapi4j.model.SchemaConditions.resolve(s, e.defines()::contains);
  }

  static synchronized Schema schema(String name) {
    return SCHEMAS.computeIfAbsent(name, n -> switch (n) {
      case "suite-qmp" -> SchemaReader.strict().read(SharedData.testdata("messages/schemas/suite-qmp.json")).orElseThrow();
      case "suite-simple" -> SchemaReader.compat().read(SharedData.testdata("messages/schemas/suite-simple.json")).orElseThrow();
      case "seed-004" -> SchemaReader.compat().read(SharedData.testdata("seeds/004-qga-qapi-schema.json")).orElseThrow();
      default -> throw new IllegalArgumentException(n);
    });
  }

  /** Validates the entry's text as its target says: a whole message, a reply, or a bare value. */
  static ValidationResult validate(QmpValidator validator, Entry e) {
    JsonNode value;
    try {
      value = io.qapi4j.validator.MessageParser.MAPPER.readTree(e.text());
    } catch (RuntimeException ex) {
      return validator.validate(e.text());
    }
    String t = e.target();
    Schema schema = validator.schema();
    int slash = t.indexOf('/');
    if (slash > 0) {
      String head = t.substring(0, slash);
      String part = t.substring(slash + 1);
      if (head.startsWith("command:")) {
        Command c = schema.command(head.substring("command:".length())).orElseThrow();
        return switch (part) {
          case "reply" -> validator.validate(value, c.name());
          case "arguments" -> validator.validateType(c.arguments().name(), value);
          case "returns" -> validator.validateType(c.returns().name(), value);
          default -> throw new IllegalArgumentException(t);
        };
      }
      Event ev = schema.event(head.substring("event:".length())).orElseThrow();
      return validator.validateType(ev.data().name(), value);
    }
    if (t.startsWith("command:") || t.endsWith(":command")) {
      // A command target: whatever is checked against it is client input.
      return validator.validate(value, Direction.CLIENT, null);
    }
    if (t.contains(":")) {
      return validator.validate(value);
    }
    return validator.validateType(t, value);
  }
}
