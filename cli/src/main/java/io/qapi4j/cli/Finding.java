package io.qapi4j.cli;

import io.qapi4j.model.Diagnostic;

/**
 * One error or warning as a report prints it.
 *
 * @param file the file it is in, as opened (the root path as given, includes joined to it)
 * @param line 1-based line, 0 when unknown (an unreadable root file)
 * @param column 1-based column, 0 when unknown: QEMU gives columns only for lexical and syntax
 *     errors
 * @param message the message alone
 * @param text the full QEMU-style block: include chain, {@code In META 'NAME':} line, {@code
 *     FILE:LINE[:COL]: message}
 */
public record Finding(String file, int line, int column, String message, String text) {

  /** The finding for a diagnostic of the reader. */
  public static Finding of(Diagnostic diagnostic) {
    return new Finding(diagnostic.location().file(), diagnostic.location().line(),
        diagnostic.location().column(), diagnostic.message(), diagnostic.text());
  }

  /**
   * The finding for a root schema file that could not be read. QEMU prints this message with no
   * location in front: {@code can't read schema file 'F': No such file or directory}.
   */
  public static Finding unreadableRoot(String path, String osError) {
    String message = "can't read schema file '" + path + "': " + osError;
    return new Finding(path, 0, 0, message, message);
  }
}
