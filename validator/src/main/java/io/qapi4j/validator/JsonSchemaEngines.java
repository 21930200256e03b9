package io.qapi4j.validator;

import io.qapi4j.model.Schema;

/** Creates the JSON Schema engine (networknt on the exported bundle). */
final class JsonSchemaEngines {
  private JsonSchemaEngines() {}

  static MessageChecker create(Schema schema, Protocol protocol, boolean lenientOutput,
      CompatPolicy policy) {
    throw new UnsupportedOperationException(
        "the JSON Schema engine needs the json-schema-export module (not yet merged)");
  }
}
