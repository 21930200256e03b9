package io.qapi4j.model;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An enum type: a string from a fixed set of values.
 *
 * @param name the type name
 * @param values the values in order
 * @param prefix the C constant prefix ({@code 'prefix'}), or {@code null}; no effect on the wire
 * @param condition the {@code 'if'}, or {@code null}
 * @param features the type's features
 * @param doc the documentation, or {@code null}
 * @param location where it was defined
 * @param implicit whether derived by the schema language (a simple union's kind enum, QType)
 */
public record EnumType(
    String name,
    List<EnumValue> values,
    @Nullable String prefix,
    @Nullable Condition condition,
    List<Feature> features,
    @Nullable DocComment doc,
    SourceLocation location,
    boolean implicit)
    implements QapiType, Definition {

  /** The predefined enum of QObject kinds that alternates use as their tag. */
  public static final EnumType QTYPE = new EnumType("QType",
      List.of("none", "qnull", "qnum", "qstring", "qdict", "qlist", "qbool").stream()
          .map(EnumValue::of).toList(),
      "QTYPE", null, List.of(), null, SourceLocation.BUILTIN, true);

  public EnumType {
    values = List.copyOf(values);
    features = List.copyOf(features);
  }

  /** The value called {@code name}, if any. */
  public Optional<EnumValue> value(String name) {
    return values.stream().filter(v -> v.name().equals(name)).findFirst();
  }

  /** The value names in order. */
  public List<String> valueNames() {
    return values.stream().map(EnumValue::name).toList();
  }

  @Override
  public DefinitionKind kind() {
    return DefinitionKind.ENUM;
  }

  @Override
  public JsonType jsonType() {
    return JsonType.STRING;
  }

  @Override
  public String describe() {
    return "enum type '" + name + "'";
  }
}
