package io.qapi4j.validator.live;

/**
 * What a client can tell of the server process it talks to, for its error messages: e.g. {@code
 * "; qemu exited with status 1; its stderr: ..."}, or nothing.
 */
@FunctionalInterface
interface PeerState {

  /** Nothing to tell: a server the client did not start. */
  PeerState UNKNOWN = closed -> "";

  /**
   * The server's state, starting with {@code "; "}, or empty.
   *
   * @param closed whether the server just closed the connection, so that it is likely exiting
   */
  String describe(boolean closed);
}
