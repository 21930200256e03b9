/**
 * Exports a QAPI {@link io.qapi4j.model.Schema} as JSON Schema (draft 2020-12 by default, draft-07
 * on request) that validators in other languages (ajv, python-jsonschema, networknt) compile and
 * agree on: one bundle document, or one file per definition.
 *
 * <pre>{@code
 * ObjectNode bundle = JsonSchemaExporter.builder().id("10.2.50").build().export(schema);
 * Files.writeString(out, JsonText.pretty(bundle));
 * }</pre>
 *
 * <p>The entry point is {@link io.qapi4j.jsonschema.JsonSchemaExporter}; everything else in the
 * package is its vocabulary ({@link io.qapi4j.jsonschema.Draft},
 * {@link io.qapi4j.jsonschema.Protocol}) or output helper ({@link io.qapi4j.jsonschema.JsonText}).
 */
@NullMarked
package io.qapi4j.jsonschema;

import org.jspecify.annotations.NullMarked;
