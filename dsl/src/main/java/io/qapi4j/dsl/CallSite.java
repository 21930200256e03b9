package io.qapi4j.dsl;

import io.qapi4j.model.SourceLocation;
import java.security.CodeSource;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the DSL call site: the innermost stack frame that belongs neither to this library nor to
 * the platform (the JDK, the Kotlin standard library), so that a {@code forEach} between the
 * user's code and the DSL does not hide the user's line.
 *
 * <p>The file is the source file name with its package path ({@code io/example/Schemas.java}); the
 * line is the frame's line; there is no column. Only definitions, documentation blocks and
 * mistakes capture a call site, so building a schema walks the stack once per definition.
 */
final class CallSite {
  private static final StackWalker WALKER =
      StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
  private static final String UNKNOWN_FILE = "<dsl>";
  private static final ClassValue<Boolean> SKIPPED = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      return isLibrary(type);
    }
  };
  private static final Optional<CodeSource> OWN_SOURCE = codeSource(CallSite.class);

  private CallSite() {}

  /** Where the DSL was called from. */
  static SourceLocation here() {
    return WALKER.walk(frames -> frames
        .filter(f -> !SKIPPED.get(f.getDeclaringClass()))
        .findFirst()
        .map(CallSite::location)
        .orElse(SourceLocation.of(UNKNOWN_FILE, 0)));
  }

  private static SourceLocation location(StackWalker.StackFrame frame) {
    String file = frame.getFileName();
    if (file == null) {
      file = frame.getDeclaringClass().getSimpleName() + ".class";
    }
    String pkg = frame.getDeclaringClass().getPackageName();
    String path = pkg.isEmpty() ? file : pkg.replace('.', '/') + "/" + file;
    return SourceLocation.of(path, Math.max(frame.getLineNumber(), 0));
  }

  private static boolean isLibrary(Class<?> type) {
    String name = type.getName();
    if (name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun.")
        || name.startsWith("kotlin.") || name.startsWith("kotlinx.")) {
      return true;
    }
    if (!type.getPackageName().equals(CallSite.class.getPackageName())) {
      return false;
    }
    // Same package: the library's own classes, but not the user's (tests, say) in that package.
    Optional<CodeSource> source = codeSource(type);
    return OWN_SOURCE.isPresent() && source.isPresent()
        && Objects.equals(OWN_SOURCE.get().getLocation(), source.get().getLocation());
  }

  private static Optional<CodeSource> codeSource(Class<?> type) {
    return Optional.ofNullable(type.getProtectionDomain().getCodeSource());
  }
}
