/**
 * Reading a QAPI schema from files in one call: {@link io.qapi4j.model.read.SchemaReader} runs
 * the parse stage ({@link io.qapi4j.model.parse}) and the check stage ({@link
 * io.qapi4j.model.check}).
 */
@NullMarked
package io.qapi4j.model.read;

import org.jspecify.annotations.NullMarked;
