package io.qapi4j.jsonschema;

import java.util.Locale;

/** The JSON Schema dialect an export is written in. */
public enum Draft {
  /** Draft 2020-12: {@code $defs}, {@code unevaluatedProperties}, {@code deprecated} (the default). */
  DRAFT_2020_12("2020-12", "https://json-schema.org/draft/2020-12/schema", "$defs"),
  /**
   * Draft-07: {@code definitions}; unions close their member sets with per-branch {@code
   * propertyNames} instead of {@code unevaluatedProperties}; no {@code deprecated} keyword.
   */
  DRAFT_07("07", "http://json-schema.org/draft-07/schema#", "definitions");

  private final String label;
  private final String metaSchema;
  private final String defsKeyword;

  Draft(String label, String metaSchema, String defsKeyword) {
    this.label = label;
    this.metaSchema = metaSchema;
    this.defsKeyword = defsKeyword;
  }

  /** The short name the command line uses: {@code 2020-12} or {@code 07}. */
  public String label() {
    return label;
  }

  /** The meta-schema URI written as {@code $schema}. */
  public String metaSchema() {
    return metaSchema;
  }

  /** The keyword holding reusable definitions: {@code $defs} or {@code definitions}. */
  public String defsKeyword() {
    return defsKeyword;
  }

  /**
   * The draft called {@code label}: {@code 2020-12} or {@code 07} (also {@code draft-07}, {@code
   * 7}, {@code draft2020-12}).
   *
   * @throws IllegalArgumentException for any other label
   */
  public static Draft parse(String label) {
    String l = label.toLowerCase(Locale.ROOT).replace("draft", "").replace("-", "").trim();
    if (l.equals("202012")) {
      return DRAFT_2020_12;
    }
    if (l.equals("07") || l.equals("7")) {
      return DRAFT_07;
    }
    throw new IllegalArgumentException("unknown JSON Schema draft '" + label + "' (use 2020-12 or 07)");
  }
}
