package io.qapi4j.dsl;

/** Configures one enum value: its {@code 'if'} condition and its features (since QEMU 6.2). */
@QapiDslMarker
public final class ValueBuilder extends ConditionalFeatures {
  ValueBuilder() {}
}
