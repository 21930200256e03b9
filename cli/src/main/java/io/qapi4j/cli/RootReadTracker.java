package io.qapi4j.cli;

import io.qapi4j.model.parse.SourceLoader;
import org.jspecify.annotations.Nullable;

/**
 * A {@link SourceLoader} that remembers whether the first file read (the root schema the user
 * named) could not be read at all: that is an I/O error (exit 2), whereas an unreadable
 * <em>include</em> is a finding in the schema (exit 1).
 */
final class RootReadTracker implements SourceLoader {

  private final SourceLoader delegate;
  private boolean firstRead = true;
  private @Nullable String rootFailure;

  RootReadTracker(SourceLoader delegate) {
    this.delegate = delegate;
  }

  @Override
  public String read(String path) {
    boolean root = firstRead;
    firstRead = false;
    try {
      return delegate.read(path);
    } catch (UnreadableSourceException e) {
      if (root) {
        rootFailure = String.valueOf(e.getMessage());
      }
      throw e;
    }
  }

  /** The OS error text ("No such file or directory", ...) if the root file was unreadable. */
  @Nullable String rootFailure() {
    return rootFailure;
  }
}
