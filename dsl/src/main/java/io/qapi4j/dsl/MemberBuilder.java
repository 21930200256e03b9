package io.qapi4j.dsl;

/** Configures one member: its {@code 'if'} condition and its features. */
@QapiDslMarker
public final class MemberBuilder extends ConditionalFeatures {
  MemberBuilder() {}
}
