package io.qapi4j.model.parse;

import io.qapi4j.model.SourceLocation;
import io.qapi4j.model.parse.QValue.QObject;
import org.jspecify.annotations.Nullable;

/**
 * One top-level definition as written, before checking: QEMU's {@code QAPIExpression}.
 *
 * @param value the definition object ({@code {'struct': 'Foo', 'data': {...}}})
 * @param location the line where it starts
 * @param doc the documentation block right before it, or {@code null}
 */
public record ParsedExpression(QObject value, SourceLocation location, @Nullable DocBlock doc) {}
