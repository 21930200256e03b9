package io.qapi4j.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The commands a QMP monitor has whatever its schema says. Until QEMU 2.8 the monitor handled
 * {@code qmp_capabilities} itself, outside QAPI, so the schemas of QEMU 1.0 to 2.7 do not define
 * it although every QEMU accepts it; a QMP validator or a JSON Schema of QMP messages built from
 * such a schema must still know it.
 *
 * <pre>{@code
 * Schema qmp = MonitorCommands.withQmpCapabilities(v17);   // v17 itself if it defines the command
 * }</pre>
 */
public final class MonitorCommands {

  /** The capabilities negotiation command. */
  public static final String QMP_CAPABILITIES = "qmp_capabilities";

  /** The enum of capability names, in schemas since QEMU 2.12. */
  static final String CAPABILITY_ENUM = "QMPCapability";

  private MonitorCommands() {}

  /**
   * {@code schema} if it defines {@code qmp_capabilities}; otherwise {@code schema} with the
   * command as QEMU 2.12 and later define it: an optional argument {@code enable}, an array of
   * capability names ({@code QMPCapability} when the schema has that enum, else strings), no
   * {@code returns} (the reply is {@code {}}), allowed before the machine is built. QEMU before
   * 2.12 took no argument at all; accepting {@code enable} there is the lenient choice, as a schema
   * alone cannot tell which QEMU it came from.
   */
  public static Schema withQmpCapabilities(Schema schema) {
    if (schema.command(QMP_CAPABILITIES).isPresent()) {
      return schema;
    }
    String element = schema.typeOrNull(CAPABILITY_ENUM) instanceof EnumType
        ? CAPABILITY_ENUM : BuiltinType.STR.name();
    ArrayType enable = ArrayType.of(element);
    StructType arguments = new StructType("q_obj_" + QMP_CAPABILITIES + "-arg", null,
        List.of(Member.optional("enable", enable.name())), null, List.of(), null,
        SourceLocation.BUILTIN, true);
    Command command = new Command(QMP_CAPABILITIES, arguments, null, false, true, true, false,
        true, false, null, List.of(), null, SourceLocation.BUILTIN);
    List<Definition> entities = new ArrayList<>(schema.entities());
    entities.add(arguments);
    entities.add(command);
    List<ArrayType> arrays = new ArrayList<>();
    for (QapiType t : schema.types().values()) {
      if (t instanceof ArrayType a) {
        arrays.add(a);
      }
    }
    arrays.add(enable);
    return Schema.of(entities, arrays, schema.modules(), schema.pragmas());
  }
}
