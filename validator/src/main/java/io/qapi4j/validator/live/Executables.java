package io.qapi4j.validator.live;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a program the way a shell would, plus the sbin folders that a non-root {@code PATH} often
 * lacks ({@code qemu-ga} lives in {@code /usr/sbin} on Debian).
 */
final class Executables {
  private Executables() {}

  private static final List<String> SBIN = List.of("/usr/local/sbin", "/usr/sbin", "/sbin");

  /** {@code name} itself when it is a path, else the first executable of that name found. */
  static Optional<Path> find(String name) {
    if (name.contains(File.separator)) {
      Path p = Path.of(name);
      return Files.isExecutable(p) && !Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
    }
    List<String> dirs = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      dirs.addAll(List.of(path.split(File.pathSeparator)));
    }
    dirs.addAll(SBIN);
    for (String dir : dirs) {
      if (dir.isEmpty()) {
        continue;
      }
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p) && !Files.isDirectory(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * Like {@link #find}, or fails with a message that names what was searched.
   *
   * @param installHint e.g. "is qemu-system-x86 installed?"
   */
  static Path require(String name, String installHint) {
    return find(name).orElseThrow(() -> new LiveException(name.contains(File.separator)
        ? "cannot run " + name + ": no such executable file"
        : "cannot find " + name + " on PATH or in " + String.join(", ", SBIN) + " (" + installHint + ")"));
  }
}
