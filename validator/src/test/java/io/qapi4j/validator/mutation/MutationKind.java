package io.qapi4j.validator.mutation;

/** The ways {@link Mutator} breaks a valid message. */
public enum MutationKind {
  /** A required member left out: "Parameter 'a.b' is missing". */
  DROP_REQUIRED,
  /** A member the type does not have (input, or output unless lenient): "is unexpected". */
  ADD_UNKNOWN,
  /** A value of the wrong JSON type: "Invalid parameter type for 'a.b', expected: ...". */
  WRONG_TYPE,
  /** An integer one below its type's minimum ({@code uint64}/{@code size}: below -2^63). */
  INTEGER_BELOW_MIN,
  /** An integer one above its type's maximum. */
  INTEGER_ABOVE_MAX,
  /** {@code 1.0} for an integer: a double to QEMU, never an integer. */
  FLOAT_FOR_INTEGER,
  /** A string that is no value of the enum: "does not accept value". */
  UNKNOWN_ENUM_VALUE,
  /** A union's discriminator set to no value of its enum. */
  WRONG_DISCRIMINATOR,
  /** A member of another branch of a flat union than the one selected. */
  OTHER_BRANCH_MEMBER,
  /** A value of a JSON kind no branch of the alternate takes. */
  WRONG_ALTERNATE_KIND,
  /** {@code null} for an optional member whose type does not take {@code null}. */
  NULL_FOR_OPTIONAL
}
