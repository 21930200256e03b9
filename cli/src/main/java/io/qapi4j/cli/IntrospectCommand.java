package io.qapi4j.cli;

import io.qapi4j.model.Diagnostic;
import io.qapi4j.model.SchemaResult;
import io.qapi4j.model.introspect.IntrospectionWriter;
import io.qapi4j.model.read.SchemaReader;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code qapi4j introspect}: prints the SchemaInfo array {@code query-qmp-schema} would return for
 * a schema, as QEMU's generator writes it (masked type names, resolved conditions).
 */
@Command(
    name = "introspect",
    sortOptions = false,
    headerHeading = "",
    header = "Print the query-qmp-schema reply QEMU would give for a schema.",
    description = {
      "Writes the SchemaInfo array exactly as QEMU's qapi-gen generates it: commands and events,"
          + " then the types they use in order of first use, type names masked as \"0\", \"1\","
          + " ... (unless --unmask), every integer type shown as int.",
      "Without --define every 'if' condition holds; with --define only the symbols named are"
          + " defined, as in a build of QEMU, and what depends on others is left out."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:printed",
      "1:the schema has errors (printed on stderr; nothing on stdout)",
      "2:usage error, the schema file cannot be read, or internal error"
    })
public final class IntrospectCommand implements Callable<Integer> {

  @Mixin private SchemaOptions schema = new SchemaOptions();

  @Option(
      names = "--define",
      paramLabel = "SYM",
      description = "Resolve 'if' conditions as built with SYM defined (repeatable).")
  private List<String> defines = new ArrayList<>();

  @Option(names = "--unmask", description = "Keep real type names (qapi-gen -u).")
  private boolean unmask;

  @Option(
      names = "--reply",
      description = "Wrap the array as QEMU's reply, {\"return\": [...]}, as a capture would"
          + " show it.")
  private boolean reply;

  @Mixin private FormatOption format = new FormatOption();

  @Mixin private HelpOption help = new HelpOption();

  @Spec private CommandSpec spec = CommandSpec.create();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SchemaInput input = schema.input();
    RootReadTracker loader = new RootReadTracker(input.loader());
    SchemaResult result = SchemaReader.of(schema.dialect()).withLoader(loader).read(input.path());
    if (!result.ok()) {
      result.errors().stream().map(Diagnostic::text).forEach(err::println);
      return loader.rootFailure() != null ? ExitCode.ERROR : ExitCode.FINDINGS;
    }
    IntrospectionWriter.Builder writer = IntrospectionWriter.builder().unmask(unmask);
    if (!defines.isEmpty()) {
      writer.defined(Set.copyOf(defines)::contains);
    }
    ArrayNode info = writer.build().write(result.orElseThrow());
    JsonNode document = info;
    if (reply) {
      ObjectNode wrapped = JsonNodeFactory.instance.objectNode();
      wrapped.set("return", info);
      document = wrapped;
    }
    // text: indented for people; json: one compact line, as QEMU sends it.
    JsonMapper mapper = JsonMapper.builder()
        .configure(SerializationFeature.INDENT_OUTPUT, format.format() == ReportFormat.TEXT)
        .build();
    out.println(mapper.writeValueAsString(document));
    out.flush();
    return ExitCode.CLEAN;
  }
}
