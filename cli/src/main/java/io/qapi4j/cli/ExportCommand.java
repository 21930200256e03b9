package io.qapi4j.cli;

import io.qapi4j.jsonschema.Draft;
import io.qapi4j.jsonschema.JsonSchemaExporter;
import io.qapi4j.jsonschema.JsonText;
import io.qapi4j.jsonschema.Protocol;
import io.qapi4j.model.Diagnostic;
import io.qapi4j.model.Schema;
import io.qapi4j.model.SchemaResult;
import io.qapi4j.model.read.SchemaReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * {@code qapi4j export SCHEMA -o DIR}: writes the JSON Schema of a QAPI schema of any QEMU era.
 *
 * <p>Exit codes: 0 written, 1 the schema has errors (nothing written), 2 usage or I/O error.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write the JSON Schema (draft 2020-12 or draft-07) of a QAPI schema: one bundle",
      "SCHEMA_NAME.schema.json whose $defs hold every type, per command its message,",
      "arguments, returns and reply (command:NAME), per event its message and data",
      "(event:NAME), and the protocol's envelopes (qmp:message, qmp:command, ...);",
      "or, with --split, one file per definition.",
      "Exit codes: 0 written, 1 the schema has errors, 2 usage or I/O error."
    })
public final class ExportCommand implements Callable<Integer> {

  @Spec
  @Nullable CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCHEMA", description = "The schema's root file.")
  @Nullable Path schema;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
      description = "Directory to write to (created if missing).")
  @Nullable Path output;

  @Option(names = "--draft", paramLabel = "2020-12|07", defaultValue = "2020-12",
      description = "JSON Schema draft (default: ${DEFAULT-VALUE}).")
  String draft = "2020-12";

  @Option(names = "--define", paramLabel = "SYM",
      description = "Resolve 'if' conditions as built with SYM defined (repeatable). Without any,"
          + " conditions are kept as x-qapi-if.")
  List<String> defines = new ArrayList<>();

  @Option(names = "--lenient-output",
      description = "Let replies' return and events' data carry unknown members.")
  boolean lenientOutput;

  @Option(names = "--split", description = "One file per definition, with relative $refs.")
  boolean split;

  @Option(names = "--qga", description = "Describe QGA messages (default: detected).")
  boolean qga;

  @Option(names = "--no-docs", description = "Leave out doc comments (description).")
  boolean noDocs;

  @Option(names = "--id", paramLabel = "NAME",
      description = "Name or version in the $id (default: the root file's name).")
  @Nullable String id;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
      description = "Report format: text (one written file per line) or json (a list).")
  String format = "text";

  @Override
  public Integer call() {
    PrintWriter out = spec == null ? new PrintWriter(System.out, true) : spec.commandLine().getOut();
    PrintWriter err = spec == null ? new PrintWriter(System.err, true) : spec.commandLine().getErr();
    if (schema == null || output == null) {
      err.println("export: SCHEMA and -o DIR are required");
      return 2;
    }
    if (!format.equals("text") && !format.equals("json")) {
      err.println("export: unknown --format '" + format + "' (use text or json)");
      return 2;
    }
    Draft d;
    try {
      d = Draft.parse(draft);
    } catch (IllegalArgumentException e) {
      err.println("export: " + e.getMessage());
      return 2;
    }
    if (!Files.isRegularFile(schema)) {
      err.println("export: " + schema + ": no such file");
      return 2;
    }
    SchemaResult result = SchemaReader.compat().read(schema);
    if (!result.ok()) {
      result.errors().stream().map(Diagnostic::text).forEach(err::println);
      report(out, List.of());
      return 1;
    }
    Schema s = result.orElseThrow();
    JsonSchemaExporter.Builder builder = JsonSchemaExporter.builder()
        .draft(d)
        .lenientOutput(lenientOutput)
        .define(new LinkedHashSet<>(defines))
        .docs(!noDocs);
    if (qga) {
      builder.protocol(Protocol.QGA);
    }
    String name = id != null ? id : stem(schema);
    builder.id(name);
    JsonSchemaExporter exporter = builder.build();
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(output);
      if (split) {
        for (Map.Entry<String, tools.jackson.databind.node.ObjectNode> e
            : exporter.exportSplit(s).entrySet()) {
          written.add(write(output.resolve(e.getKey()), JsonText.pretty(e.getValue())));
        }
      } else {
        written.add(write(output.resolve(name + ".schema.json"), JsonText.pretty(exporter.export(s))));
      }
    } catch (IOException e) {
      err.println("export: " + e.getMessage());
      return 2;
    } catch (IllegalArgumentException e) {
      err.println("export: " + e.getMessage());
      return 1;
    }
    report(out, written);
    return 0;
  }

  private void report(PrintWriter out, List<Path> written) {
    if (format.equals("json")) {
      ArrayNode list = JsonMapper.builder().build().createArrayNode();
      written.forEach(p -> list.add(p.toString()));
      out.println(list.toString());
    } else {
      written.forEach(out::println);
    }
    out.flush();
  }

  private static Path write(Path file, String text) throws IOException {
    Path parent = file.getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static String stem(Path file) {
    Path name = file.getFileName();
    String s = name == null ? "schema" : name.toString();
    return s.endsWith(".json") ? s.substring(0, s.length() - 5) : s;
  }
}
