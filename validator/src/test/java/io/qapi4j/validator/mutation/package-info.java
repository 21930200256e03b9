/**
 * Mutation testing of message validators: {@link io.qapi4j.validator.mutation.Mutator} breaks a
 * valid message one way at a time, walking it alongside its schema type, and says which violation
 * each break must give.
 */
@NullMarked
package io.qapi4j.validator.mutation;

import org.jspecify.annotations.NullMarked;
