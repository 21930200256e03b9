package io.qapi4j.cli;

import io.qapi4j.validator.Engine;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code native} or {@code json-schema} (any case) as an {@link Engine}. */
public final class EngineConverter implements ITypeConverter<Engine> {

  @Override
  public Engine convert(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "native" -> Engine.NATIVE;
      case "json-schema" -> Engine.JSON_SCHEMA;
      default -> throw new TypeConversionException(
          "expected 'native' or 'json-schema', not '" + value + "'");
    };
  }
}
