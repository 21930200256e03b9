package io.qapi4j.cli;

import io.qapi4j.validator.MessageKind;
import io.qapi4j.validator.Severity;
import java.util.Locale;

/** How {@code validate} reports name severities and message kinds: lower case, hyphenated. */
final class Severities {
  private Severities() {}

  /** {@code error}, {@code warning} or {@code info}. */
  static String name(Severity severity) {
    return severity.name().toLowerCase(Locale.ROOT);
  }

  /** {@code command}, {@code oob-command}, {@code success-reply}, ... */
  static String name(MessageKind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
