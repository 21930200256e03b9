package io.qapi4j.bench;

import io.qapi4j.model.Module;
import io.qapi4j.model.Schema;
import io.qapi4j.model.SchemaResult;
import io.qapi4j.model.parse.Dialect;
import io.qapi4j.model.parse.SchemaParser;
import io.qapi4j.model.parse.SourceLoader;
import io.qapi4j.model.read.SchemaReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;

/**
 * Issue 2: reading and checking QEMU master's QMP schema (its root file and the files it
 * includes), warm, in process (target: at most 15 ms), as {@code qapi4j check} does; with
 * baselines in the same run: reading and UTF-8-decoding the same files, and tokenizing their text
 * with Jackson's lexer (single quotes and {@code #} comments allowed, which QAPI's syntax needs),
 * the floor for anything that reads the text. Parsing alone and reading from memory split the
 * cost.
 */
public class SchemaReadBenchmark extends MasterSchemaBenchmark {

  private String root;
  private List<String> files;
  private Map<String, String> texts;
  private JsonFactory lexer;

  /** Reads the schema once, to know its files. */
  @Setup
  public void setup() {
    Path path = BenchData.shared(schema);
    root = path.toString();
    Schema s = SchemaReader.compat().read(root).orElseThrow();
    files = s.modules().stream().map(Module::path).toList();
    texts = new LinkedHashMap<>();
    for (String f : files) {
      texts.put(f, SourceLoader.fileSystem().read(f));
    }
    lexer = JsonFactory.builder()
        .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
        .enable(JsonReadFeature.ALLOW_YAML_COMMENTS)
        .build();
    System.out.printf("%n%s: %d definitions in %d files, %d characters%n", schema,
        s.definitions().size(), files.size(),
        texts.values().stream().mapToInt(String::length).sum());
  }

  /** Read and check, as {@code qapi4j check} does (compat dialect, from the file system). */
  @Benchmark
  public SchemaResult readAndCheck() {
    return SchemaReader.compat().read(root);
  }

  /** Read and check by today's rules ({@code qapi4j check --strict}). */
  @Benchmark
  public SchemaResult readAndCheckStrict() {
    return SchemaReader.strict().read(root);
  }

  /** Read and check from texts in memory: no file I/O, no decoding. */
  @Benchmark
  public SchemaResult readAndCheckFromMemory() {
    return SchemaReader.compat().withLoader(SourceLoader.inMemory(texts)).read(root);
  }

  /** Parsing alone (lexer, parser, includes, doc comments), no semantic check. */
  @Benchmark
  public SchemaParser.Result parseOnly() {
    return SchemaParser.parse(root, Dialect.COMPAT, SourceLoader.fileSystem());
  }

  /** Baseline: reading and strictly UTF-8-decoding the schema's files. */
  @Benchmark
  public int baselineReadFiles() {
    int chars = 0;
    for (String f : files) {
      chars += SourceLoader.fileSystem().read(f).length();
    }
    return chars;
  }

  /** Baseline: Jackson's lexer over the texts in memory, tokens only. */
  @Benchmark
  public int baselineTokenizeWithJackson() {
    int tokens = 0;
    for (String text : texts.values()) {
      try (JsonParser p = lexer.createParser(text)) {
        for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
          tokens++;
        }
      }
    }
    return tokens;
  }
}
