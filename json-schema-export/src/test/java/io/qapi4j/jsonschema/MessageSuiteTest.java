package io.qapi4j.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.jsonschema.ExternalValidators.MessageJob;
import io.qapi4j.jsonschema.ExternalValidators.MessageVerdict;
import io.qapi4j.jsonschema.ThreeValidators.Bundle;
import io.qapi4j.model.Schema;
import io.qapi4j.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * qapi4j's own message suite ({@code testdata/messages/suite.jsonl}): every message gets exactly
 * its expected verdict from networknt, ajv and python-jsonschema, against the 2020-12 and the
 * draft-07 export (and networknt against the split export).
 */
class MessageSuiteTest {

  private static final Map<String, String> SCHEMAS = Map.of(
      "suite-qmp", "messages/schemas/suite-qmp.json",
      "suite-simple", "messages/schemas/suite-simple.json",
      "seed-004", "seeds/004-qga-qapi-schema.json");

  /** One suite entry. */
  record Entry(String id, String schema, boolean lenient, List<String> define, String target,
      String text, boolean valid, String why) {

    /** The export this entry needs, e.g. {@code suite-qmp+lenient}. */
    String config() {
      return schema + (lenient ? "+lenient" : "") + (define.isEmpty() ? "" : "+" + String.join("+", define));
    }
  }

  static List<Entry> entries() throws IOException {
    List<Entry> out = new ArrayList<>();
    for (String line : Files.readAllLines(SharedData.testdata("messages/suite.jsonl"), StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = ExternalValidators.JSON.readTree(line);
      List<String> define = new ArrayList<>();
      n.path("define").forEach(d -> define.add(d.asString()));
      out.add(new Entry(n.get("id").asString(), n.get("schema").asString(),
          n.path("lenient").asBoolean(false), define, n.get("target").asString(),
          n.get("text").asString(), n.get("valid").asBoolean(), n.get("why").asString()));
    }
    return out;
  }

  static JsonSchemaExporter exporter(Entry e, Draft draft) {
    return JsonSchemaExporter.builder().draft(draft).id(e.config())
        .lenientOutput(e.lenient()).define(Set.copyOf(e.define())).build();
  }

  static Schema schema(Entry e) {
    return Corpus.read(SharedData.testdata(SCHEMAS.get(e.schema())));
  }

  @Test
  void theSuiteIsBigAndCoversBothVerdicts() throws IOException {
    List<Entry> entries = entries();
    assertThat(entries).hasSizeGreaterThanOrEqualTo(300);
    assertThat(entries).filteredOn(Entry::valid).hasSizeGreaterThan(100);
    assertThat(entries).filteredOn(e -> !e.valid()).hasSizeGreaterThan(100);
    assertThat(entries).extracting(Entry::id).doesNotHaveDuplicates();
    assertThat(entries).extracting(Entry::schema).containsAll(SCHEMAS.keySet());
  }

  @Test
  void everyValidatorGivesEveryMessageItsExpectedVerdictInBothDrafts() throws Exception {
    List<Entry> entries = entries();
    List<Bundle> bundles = new ArrayList<>();
    Map<String, Bundle> byKey = new LinkedHashMap<>();
    List<MessageJob> jobs = new ArrayList<>();
    Map<String, Entry> byJob = new LinkedHashMap<>();
    for (Entry e : entries) {
      for (Draft draft : Draft.values()) {
        String key = e.config() + "-" + draft.label();
        if (!byKey.containsKey(key)) {
          Bundle b = new Bundle(key, draft, exporter(e, draft).export(schema(e)));
          byKey.put(key, b);
          bundles.add(b);
        }
        String id = e.id() + "@" + draft.label();
        jobs.add(new MessageJob(id, key, ThreeValidators.pointer(draft, e.target()), e.text()));
        byJob.put(id, e);
      }
    }
    Map<String, Map<String, MessageVerdict>> verdicts =
        ThreeValidators.run(Path.of("target/message-suite").toAbsolutePath(), bundles, jobs);

    List<String> disagreements = new ArrayList<>();
    for (String validator : ThreeValidators.NAMES) {
      Map<String, MessageVerdict> v = verdicts.get(validator);
      for (MessageJob job : jobs) {
        Entry e = byJob.get(job.id());
        MessageVerdict verdict = v.get(job.id());
        if (verdict == null || verdict.valid() == null || verdict.valid() != e.valid()) {
          disagreements.add(String.format("%s %s: expected %s (%s), got %s%s", validator, job.id(),
              e.valid() ? "valid" : "invalid", e.why(),
              verdict == null || verdict.valid() == null ? "no verdict" : verdict.valid() ? "valid" : "invalid",
              verdict == null || verdict.error() == null ? "" : " — " + verdict.error()));
        }
      }
    }
    disagreements.forEach(System.out::println);
    System.out.printf("message suite: %d messages x %d drafts x %d validators = %d verdicts, %d disagreements%n",
        entries.size(), Draft.values().length, ThreeValidators.NAMES.size(),
        jobs.size() * ThreeValidators.NAMES.size(), disagreements.size());
    assertThat(disagreements).isEmpty();
  }

  @Test
  void theSplitExportGivesTheSameVerdictsInNetworknt() throws IOException {
    List<Entry> entries = entries();
    Map<String, Networknt> registries = new LinkedHashMap<>();
    Map<String, String> roots = new LinkedHashMap<>();
    List<String> disagreements = new ArrayList<>();
    Set<String> configs = new LinkedHashSet<>();
    for (Entry e : entries) {
      String config = e.config();
      configs.add(config);
      Networknt nn = registries.computeIfAbsent(config, c -> {
        Map<String, String> documents = new LinkedHashMap<>();
        exporter(e, Draft.DRAFT_2020_12).exportSplit(schema(e)).forEach((file, doc) -> {
          documents.put(doc.get("$id").asString(), doc.toString());
          if (file.equals("schema.json")) {
            roots.put(c, doc.get("$id").asString());
          }
        });
        return new Networknt(Draft.DRAFT_2020_12, documents);
      });
      String[] parts = e.target().split("/");
      String base = roots.get(config).replace("schema.json", "");
      String file = parts[0].contains(":")
          ? parts[0].replace(':', '/') + ".json" : "type/" + parts[0] + ".json";
      StringBuilder uri = new StringBuilder(base).append(file);
      for (int i = 1; i < parts.length; i++) {
        uri.append(i == 1 ? "#" : "").append("/$defs/").append(parts[i]);
      }
      String error = nn.firstError(uri.toString(), e.text());
      if ((error == null) != e.valid()) {
        disagreements.add(e.id() + ": expected " + e.valid() + " — " + error);
      }
    }
    assertThat(configs).hasSizeGreaterThan(3);
    assertThat(disagreements).isEmpty();
  }
}
