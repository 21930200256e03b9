package io.qapi4j.validator.live;

import io.qapi4j.validator.ViolationCode;

/**
 * A request broken on purpose in a live session, and what the validator must say about it first.
 *
 * @param what the kind of mistake, as the test names it
 * @param request the request exactly as sent
 * @param code the code of the first violation
 * @param pointer where the first violation is
 * @param introspectionFlagsIt whether QEMU's own introspection can show the mistake (it shows
 *     every integer type as {@code int}, so narrower ranges are lost)
 */
record Mistake(String what, String request, ViolationCode code, String pointer,
    boolean introspectionFlagsIt) {

  /** A mistake any schema of the release shows. */
  Mistake(String what, String request, ViolationCode code, String pointer) {
    this(what, request, code, pointer, true);
  }
}
