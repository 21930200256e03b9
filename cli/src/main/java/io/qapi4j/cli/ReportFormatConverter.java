package io.qapi4j.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code text} or {@code json} (any case) as a {@link ReportFormat}. */
public final class ReportFormatConverter implements ITypeConverter<ReportFormat> {

  @Override
  public ReportFormat convert(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "text" -> ReportFormat.TEXT;
      case "json" -> ReportFormat.JSON;
      default -> throw new TypeConversionException("expected 'text' or 'json', not '" + value + "'");
    };
  }
}
