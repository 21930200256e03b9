package io.qapi4j.validator.checks;

/**
 * Thrown by a check over a token stream when the input needs the tree walk instead: a duplicate
 * key (a parse error, which the tree's parser words exactly), or a shape the streaming path leaves
 * to the tree. The caller parses the message into a tree and checks that; nothing is reported
 * twice, since a streaming walk reports nothing before {@link Walk#finish()}.
 */
public final class TreeFallback extends RuntimeException {

  /** The one instance: it carries no state, and no stack trace is filled in. */
  public static final TreeFallback INSTANCE = new TreeFallback();

  private TreeFallback() {
    super("the message needs the tree walk", null, false, false);
  }
}
