package io.qapi4j.cli;

import io.qapi4j.model.Schema;

/**
 * A schema to validate messages against, and where it came from, as {@code validate} tells the
 * user on stderr and in its JSON report.
 *
 * @param schema the schema
 * @param description where it came from, e.g. {@code the query-qmp-schema reply at line 1032 of
 *     the capture (742 entries)}
 */
public record SchemaSource(Schema schema, String description) {}
