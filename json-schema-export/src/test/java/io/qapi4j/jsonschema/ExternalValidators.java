package io.qapi4j.jsonschema;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.qapi4j.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs the other languages' validators — ajv 8 (node, {@code src/test/js/harness.mjs}) and
 * python3-jsonschema ({@code /usr/bin/python3}, {@code src/test/python/harness.py}) — over a batch
 * of schemas and messages in one process each.
 *
 * <p>When node, npm's {@code ajv} or python3-jsonschema is missing, the calling test is skipped
 * with the reason, unless {@code QAPI4J_REQUIRE_SHARED} is set (as in CI): then it fails.
 */
final class ExternalValidators {

  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String PYTHON = "/usr/bin/python3";

  private ExternalValidators() {}

  /** A schema to compile, under {@code key}. */
  record SchemaJob(String key, Path file, Draft draft) {}

  /** A message to validate against the definition at {@code target} ({@code #/$defs/...}). */
  record MessageJob(String id, String schemaKey, String target, String text) {}

  /** What a validator said about a schema. */
  record SchemaVerdict(String key, boolean ok, List<String> errors, List<String> warnings) {}

  /** What a validator said about a message: {@code valid} is {@code null} when it failed to run. */
  record MessageVerdict(String id, @Nullable Boolean valid, @Nullable String error) {}

  /** Everything one validator said. */
  record Verdicts(Map<String, SchemaVerdict> schemas, Map<String, MessageVerdict> messages) {}

  /** Writes a job file into {@code dir}. */
  static Path writeJob(Path dir, List<SchemaJob> schemas, List<MessageJob> messages)
      throws IOException {
    ObjectNode job = JSON.createObjectNode();
    ArrayNode s = job.putArray("schemas");
    for (SchemaJob j : schemas) {
      s.addObject().put("key", j.key()).put("file", j.file().toAbsolutePath().toString())
          .put("draft", j.draft().label());
    }
    ArrayNode m = job.putArray("messages");
    for (MessageJob j : messages) {
      m.addObject().put("id", j.id()).put("schema", j.schemaKey()).put("target", j.target())
          .put("text", j.text());
    }
    Files.createDirectories(dir);
    Path file = dir.resolve("job.json");
    Files.writeString(file, JSON.writeValueAsString(job), StandardCharsets.UTF_8);
    return file;
  }

  /** ajv 8, strict mode. */
  static Verdicts ajv(Path job) throws IOException, InterruptedException {
    Path js = SharedData.projectRoot().resolve("json-schema-export/src/test/js");
    requireTool(works(js, "node", "--version"), "node is not installed");
    if (!Files.isDirectory(js.resolve("node_modules/ajv"))) {
      requireTool(works(js, "npm", "--version"), "npm is not installed");
      Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
          .directory(js.toFile()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      requireTool(npm.waitFor(5, TimeUnit.MINUTES) && npm.exitValue() == 0,
          "npm ci failed in " + js);
    }
    return run(js, List.of("node", "harness.mjs", job.toString()));
  }

  /** Runs the harness's own node tests ({@code node --test}); returns their output. */
  static String nodeSelfTests() throws IOException, InterruptedException {
    Path js = SharedData.projectRoot().resolve("json-schema-export/src/test/js");
    requireTool(works(js, "node", "--version"), "node is not installed");
    Process p = new ProcessBuilder("node", "--test", "lossless-json.test.mjs").directory(js.toFile())
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new AssertionError("node --test failed:\n" + output);
    }
    return output;
  }

  /** python3-jsonschema of {@code /usr/bin/python3}. */
  static Verdicts python(Path job) throws IOException, InterruptedException {
    Path py = SharedData.projectRoot().resolve("json-schema-export/src/test/python");
    requireTool(works(py, PYTHON, "-c", "import jsonschema"),
        "python3-jsonschema is not installed for " + PYTHON + " (apt-get install python3-jsonschema)");
    return run(py, List.of(PYTHON, "harness.py", job.toString()));
  }

  private static Verdicts run(Path dir, List<String> command)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("qapi4j-harness", ".jsonl");
    Path err = Files.createTempFile("qapi4j-harness", ".err");
    try {
      Process p = new ProcessBuilder(command).directory(dir.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(20, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError(command + " timed out");
      }
      if (p.exitValue() != 0) {
        throw new AssertionError(command + " exited " + p.exitValue() + ":\n" + Files.readString(err));
      }
      Map<String, SchemaVerdict> schemas = new LinkedHashMap<>();
      Map<String, MessageVerdict> messages = new LinkedHashMap<>();
      for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = JSON.readTree(line);
        if (n.get("kind").asString().equals("schema")) {
          schemas.put(n.get("key").asString(), new SchemaVerdict(n.get("key").asString(),
              n.get("ok").asBoolean(), strings(n.get("errors")), strings(n.get("warnings"))));
        } else {
          JsonNode valid = n.get("valid");
          JsonNode error = n.get("error");
          messages.put(n.get("id").asString(), new MessageVerdict(n.get("id").asString(),
              valid.isNull() ? null : valid.asBoolean(),
              error == null || error.isNull() ? null : error.asString()));
        }
      }
      return new Verdicts(schemas, messages);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asString()));
    return out;
  }

  private static boolean works(Path dir, String... command) {
    try {
      Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor(1, TimeUnit.MINUTES) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void requireTool(boolean present, String reason) {
    if (!present && System.getenv("QAPI4J_REQUIRE_SHARED") != null) {
      throw new AssertionError("QAPI4J_REQUIRE_SHARED is set but " + reason);
    }
    assumeTrue(present, "skipped: " + reason);
  }
}
