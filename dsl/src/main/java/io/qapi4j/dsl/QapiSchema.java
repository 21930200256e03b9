package io.qapi4j.dsl;

import io.qapi4j.model.SchemaResult;
import io.qapi4j.model.parse.Dialect;

/**
 * Entry points of the schema DSL: {@code QapiSchema.build(s -> { ... })}. See {@link
 * SchemaBuilder}.
 */
public final class QapiSchema {
  private QapiSchema() {}

  /** Builds a schema checked by today's QEMU rules (strict dialect). */
  public static SchemaResult build(Block<SchemaBuilder> block) {
    return build(Dialect.STRICT, block);
  }

  /** Builds a schema checked by {@code dialect}. */
  public static SchemaResult build(Dialect dialect, Block<SchemaBuilder> block) {
    SchemaBuilder builder = SchemaBuilder.create(dialect);
    block.configure(builder);
    return builder.build();
  }
}
