package io.qapi4j.validator;

/**
 * What to do with input that uses something deprecated or unstable, mirroring QEMU's {@code
 * -compat deprecated-input=...,unstable-input=...}.
 *
 * @param deprecatedInput policy for commands, members and enum values with feature {@code
 *     deprecated}
 * @param unstableInput policy for those with feature {@code unstable}
 */
public record CompatPolicy(Action deprecatedInput, Action unstableInput) {

  /** QEMU's default: accept everything. */
  public static final CompatPolicy ACCEPT_ALL = new CompatPolicy(Action.ACCEPT, Action.ACCEPT);

  /** Flag (as warnings) every use of something deprecated or unstable. */
  public static final CompatPolicy WARN_ALL = new CompatPolicy(Action.WARN, Action.WARN);

  /** What a policy does. */
  public enum Action {
    /** Accept silently (QEMU's default). */
    ACCEPT,
    /**
     * Accept, but report a warning ("Deprecated parameter x accepted by policy"). QEMU has no such
     * action; it is for auditing traffic.
     */
    WARN,
    /**
     * Reject, as QEMU does with {@code reject}, in its words since 6.2: "Deprecated command x
     * disabled by policy", "Deprecated parameter x disabled by policy" (the member's own name),
     * "Deprecated value x disabled by policy", and "Unstable ..." likewise (6.0 and 6.1 quoted the
     * name: "Deprecated parameter 'x' disabled by policy").
     */
    REJECT
  }
}
