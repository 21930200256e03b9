package io.qapi4j.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code unix:PATH} — a Unix socket, the only kind {@code proxy} relays — as the path. */
public final class UnixSocketConverter implements ITypeConverter<Path> {

  /** The prefix of a socket address. */
  static final String UNIX = "unix:";

  @Override
  public Path convert(String value) {
    if (!value.startsWith(UNIX) || value.length() == UNIX.length()) {
      throw new TypeConversionException("expected unix:PATH (a Unix socket), not '" + value + "'");
    }
    try {
      return Path.of(value.substring(UNIX.length()));
    } catch (InvalidPathException e) {
      throw new TypeConversionException("not a path: '" + value + "'");
    }
  }
}
