package io.qapi4j.jsonschema;

import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes exported schemas as text the same way every time: two-space indentation, {@code "key":
 * value}, {@code \n} line ends and a final newline, so that exports diff cleanly and golden files
 * compare exactly.
 */
public final class JsonText {

  private static final ObjectWriter WRITER;

  static {
    Separators separators = Separators.createDefaultInstance()
        .withObjectNameValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("");
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators)
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
    WRITER = JsonMapper.builder().build().writer().with(printer);
  }

  private JsonText() {}

  /** {@code node} as indented JSON text ending in a newline. */
  public static String pretty(JsonNode node) {
    return WRITER.writeValueAsString(node) + "\n";
  }
}
