package io.qapi4j.cli;

import io.qapi4j.model.Schema;
import io.qapi4j.validator.Engine;
import io.qapi4j.validator.Protocol;
import io.qapi4j.validator.QmpValidator;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options {@code validate} and {@code proxy} share: where the schema comes from, the protocol,
 * and how messages are checked.
 */
public final class ValidationOptions {

  @Option(names = "--schema", paramLabel = "SCHEMA",
      description = "A QAPI schema file (its includes follow), read by the compat dialect.")
  @Nullable Path schemaFile;

  @Option(names = "--introspection", paramLabel = "FILE",
      description = "A query-qmp-schema reply ({\"return\": [...]}) or a bare SchemaInfo array.")
  @Nullable Path introspection;

  @Option(names = "--qemu-binary", paramLabel = "BIN",
      description = "Ask this QEMU for its schema (run with -machine none -nodefaults -display"
          + " none -qmp stdio).")
  @Nullable Path qemuBinary;

  @Option(names = "--no-qemu",
      description = "Never look for a QEMU on PATH (the bundled schema is the last resort: QEMU"
          + " 7.2's introspection, with --qga a guest-agent schema).")
  boolean noQemu;

  @Option(names = "--qga", description = "The traffic is the guest agent's (QGA): no greeting,"
      + " no events, no out-of-band commands.")
  boolean qga;

  @Option(names = "--lenient-output", description = "Let replies and events carry members the"
      + " schema does not know (clients must ignore members newer servers add).")
  boolean lenientOutput;

  @Option(names = "--engine", paramLabel = "native|json-schema", defaultValue = "native",
      converter = EngineConverter.class,
      description = "The validation engine: native (default) or json-schema (networknt on the"
          + " exported JSON Schema). Both give the same verdicts.")
  Engine engine = Engine.NATIVE;

  /** Rejects options that exclude each other. */
  void checkUsage(CommandLine commandLine) {
    if (schemaFile != null && introspection != null) {
      throw new ParameterException(commandLine,
          "give either --schema or --introspection, not both");
    }
  }

  /**
   * The schema {@code --schema} or {@code --introspection} names, or {@code null} when neither
   * is given.
   */
  @Nullable SchemaSource explicitSource() throws SchemaSourceException {
    return schemaFile != null ? ValidateSchemas.fromSchemaFile(schemaFile)
        : introspection != null ? ValidateSchemas.fromIntrospection(introspection) : null;
  }

  /** The schema sources after the explicit ones: {@code --qemu-binary}, PATH, the bundled one. */
  ValidateSchemas fallbacks() {
    return new ValidateSchemas(qga, qemuBinary, !noQemu);
  }

  /** A message validator of {@code schema} with these options. */
  QmpValidator validator(Schema schema) {
    return QmpValidator.builder(schema)
        .protocol(qga ? Protocol.QGA : Protocol.QMP)
        .engine(engine)
        .lenientOutput(lenientOutput)
        .build();
  }
}
