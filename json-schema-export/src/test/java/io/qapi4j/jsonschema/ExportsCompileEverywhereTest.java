package io.qapi4j.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.jsonschema.ExternalValidators.SchemaJob;
import io.qapi4j.jsonschema.ExternalValidators.SchemaVerdict;
import io.qapi4j.jsonschema.ExternalValidators.Verdicts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The export of every schema we know — seeds, every root of every QEMU release, master — in both
 * drafts (master also with lenient output and with resolved conditions) is valid against its
 * draft's meta-schema and compiles without error or warning in networknt (unknown keywords
 * disallowed), ajv 8 strict and python3-jsonschema.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportsCompileEverywhereTest {

  private final Map<String, JsonNode> bundles = new LinkedHashMap<>();
  private final List<SchemaJob> jobs = new ArrayList<>();
  private Path dir;

  @BeforeAll
  void exportEverything() throws IOException {
    dir = Path.of("target/exports").toAbsolutePath();
    Files.createDirectories(dir);
    List<Corpus.Root> roots = new ArrayList<>(Corpus.seeds());
    roots.addAll(Corpus.qemu());
    for (Corpus.Root root : roots) {
      for (Draft draft : Draft.values()) {
        add(root.key() + "-" + draft.label(), draft,
            JsonSchemaExporter.builder().draft(draft).id(root.key()).build()
                .export(Corpus.read(root.path())));
      }
    }
    for (Draft draft : Draft.values()) {
      add("master-qmp-lenient-" + draft.label(), draft, JsonSchemaExporter.builder().draft(draft)
          .id("master-lenient").lenientOutput(true).build().export(Corpus.read(Corpus.masterQmp())));
      add("master-qmp-defined-" + draft.label(), draft, JsonSchemaExporter.builder().draft(draft)
          .id("master-x86_64").define(Set.of("CONFIG_SPICE", "TARGET_I386", "CONFIG_KVM",
              "CONFIG_LINUX", "CONFIG_VNC", "CONFIG_POSIX"))
          .build().export(Corpus.read(Corpus.masterQmp())));
    }
  }

  private void add(String key, Draft draft, JsonNode bundle) throws IOException {
    Path file = dir.resolve(key + ".json");
    Files.writeString(file, JsonText.pretty(bundle));
    bundles.put(key, bundle);
    jobs.add(new SchemaJob(key, file, draft));
  }

  @Test
  void networkntAcceptsEveryBundleAgainstTheMetaSchemaAndCompilesEveryDefinition() {
    Map<String, List<String>> problems = new LinkedHashMap<>();
    for (SchemaJob job : jobs) {
      JsonNode bundle = bundles.get(job.key());
      Networknt nn = Networknt.of(job.draft(), bundle);
      List<String> p = new ArrayList<>(nn.metaSchemaErrors(bundle));
      p.addAll(nn.compileAll(bundle.get("$id").asString(), bundle));
      if (!p.isEmpty()) {
        problems.put(job.key(), p.subList(0, Math.min(5, p.size())));
      }
    }
    assertThat(jobs).as("bundles").hasSizeGreaterThan(230);
    assertThat(problems).as("networknt problems").isEmpty();
  }

  @Test
  void ajvStrictCompilesEveryBundleWithoutErrorOrWarning() throws Exception {
    check(ExternalValidators.ajv(ExternalValidators.writeJob(dir.resolve("ajv"), jobs, List.of())));
  }

  @Test
  void pythonJsonschemaAcceptsEveryBundle() throws Exception {
    check(ExternalValidators.python(ExternalValidators.writeJob(dir.resolve("python"), jobs, List.of())));
  }

  @Test
  void theStrictChecksWouldCatchBrokenDefinitionsAnywhereInABundle() throws Exception {
    JsonNode good = JsonSchemaExporter.builder().id("self-test").build()
        .export(Corpus.read(Corpus.seeds().get(4).path()));
    Map<String, java.util.function.Consumer<ObjectNode>> breakages = new LinkedHashMap<>();
    breakages.put("unreached-properties-without-type",
        defs -> defs.putObject("zzz").putObject("properties").putObject("a"));
    breakages.put("nested-returns-required-not-in-properties",
        defs -> ((ArrayNode) defs.get("GuestAgentInfo").get("required")).add("nope"));
    breakages.put("unknown-keyword", defs -> ((ObjectNode) defs.get("GuestAgentInfo")).put("x-foo", 1));
    List<SchemaJob> broken = new ArrayList<>();
    for (Map.Entry<String, java.util.function.Consumer<ObjectNode>> b : breakages.entrySet()) {
      ObjectNode bundle = (ObjectNode) good.deepCopy();
      b.getValue().accept((ObjectNode) bundle.get("$defs"));
      Path file = dir.resolve("broken").resolve(b.getKey() + ".json");
      Files.createDirectories(file.getParent());
      Files.writeString(file, JsonText.pretty(bundle));
      broken.add(new SchemaJob(b.getKey(), file, Draft.DRAFT_2020_12));
    }
    Verdicts ajv = ExternalValidators.ajv(ExternalValidators.writeJob(dir.resolve("broken"), broken, List.of()));
    assertThat(ajv.schemas().values()).as("ajv flags every breakage").noneMatch(SchemaVerdict::ok);
    ObjectNode unknown = (ObjectNode) good.deepCopy();
    ((ObjectNode) unknown.get("$defs").get("GuestAgentInfo")).put("x-foo", 1);
    assertThat(Networknt.of(Draft.DRAFT_2020_12, unknown).compileAll(unknown.get("$id").asString(), unknown))
        .as("networknt flags unknown keywords").isNotEmpty();
  }

  private void check(Verdicts verdicts) {
    assertThat(verdicts.schemas().keySet()).as("schemas checked")
        .containsExactlyElementsOf(jobs.stream().map(SchemaJob::key).toList());
    List<SchemaVerdict> bad = verdicts.schemas().values().stream().filter(v -> !v.ok()).toList();
    assertThat(bad).as("schemas with errors or warnings").isEmpty();
  }
}
