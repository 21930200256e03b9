package io.qapi4j.jsonschema;

import io.qapi4j.jsonschema.ExternalValidators.MessageJob;
import io.qapi4j.jsonschema.ExternalValidators.MessageVerdict;
import io.qapi4j.jsonschema.ExternalValidators.SchemaJob;
import io.qapi4j.jsonschema.ExternalValidators.Verdicts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Validates batches of messages against exported bundles with networknt (in this JVM), ajv and
 * python-jsonschema (one external process each), and returns every verdict by validator.
 */
final class ThreeValidators {

  static final List<String> NAMES = List.of("networknt", "ajv", "python-jsonschema");

  private ThreeValidators() {}

  /** An exported bundle under {@code key}. */
  record Bundle(String key, Draft draft, JsonNode node) {
    String id() {
      return node.get("$id").asString();
    }
  }

  /** The JSON pointer of a target: a {@code $defs} key, nested keys after {@code /}. */
  static String pointer(Draft draft, String target) {
    if (target.startsWith("#")) {
      return target;
    }
    String defs = draft.defsKeyword();
    return "#/" + defs + "/" + String.join("/" + defs + "/", target.split("/"));
  }

  /** Every validator's verdict on every message: validator name, then message id. */
  static Map<String, Map<String, MessageVerdict>> run(Path dir, List<Bundle> bundles,
      List<MessageJob> messages) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    List<SchemaJob> schemaJobs = new ArrayList<>();
    Map<String, Bundle> byKey = new LinkedHashMap<>();
    for (Bundle b : bundles) {
      Path file = dir.resolve(b.key() + ".json");
      Files.writeString(file, JsonText.pretty(b.node()));
      schemaJobs.add(new SchemaJob(b.key(), file, b.draft()));
      byKey.put(b.key(), b);
    }
    Map<String, Map<String, MessageVerdict>> out = new LinkedHashMap<>();
    out.put("networknt", networknt(byKey, messages));
    Path job = ExternalValidators.writeJob(dir, schemaJobs, messages);
    Verdicts ajv = ExternalValidators.ajv(job);
    Verdicts python = ExternalValidators.python(job);
    for (Verdicts v : List.of(ajv, python)) {
      v.schemas().values().stream().filter(s -> !s.ok()).findFirst().ifPresent(s -> {
        throw new AssertionError("schema " + s.key() + " did not compile: " + s.errors() + s.warnings());
      });
    }
    out.put("ajv", ajv.messages());
    out.put("python-jsonschema", python.messages());
    return out;
  }

  private static Map<String, MessageVerdict> networknt(Map<String, Bundle> bundles,
      List<MessageJob> messages) {
    Map<String, Networknt> registries = new LinkedHashMap<>();
    Map<String, MessageVerdict> out = new LinkedHashMap<>();
    for (MessageJob m : messages) {
      Bundle b = bundles.get(m.schemaKey());
      Networknt nn = registries.computeIfAbsent(b.key(), k -> Networknt.of(b.draft(), b.node()));
      try {
        String error = nn.firstError(b.id() + m.target(), m.text());
        out.put(m.id(), new MessageVerdict(m.id(), error == null, error));
      } catch (RuntimeException e) {
        out.put(m.id(), new MessageVerdict(m.id(), null, e.toString()));
      }
    }
    return out;
  }
}
