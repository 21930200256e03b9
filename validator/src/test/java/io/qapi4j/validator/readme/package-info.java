/** The validator's examples in the root README, compiled and run. */
@NullMarked
package io.qapi4j.validator.readme;

import org.jspecify.annotations.NullMarked;
