package io.qapi4j.validator.live;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The real QEMU and guest agent for the live tests: a test is skipped with a clear message when
 * the binary is absent, unless {@code QAPI4J_REQUIRE_SHARED} is set (as CI sets it, after
 * installing them): then it fails, so CI can never pass by skipping.
 */
final class LiveBinaries {
  private LiveBinaries() {}

  /** {@code qemu-system-x86_64} (Debian package qemu-system-x86). */
  static Path qemu() {
    return require(QemuProcess.DEFAULT_BINARY, "qemu-system-x86");
  }

  /** {@code qemu-ga} (Debian package qemu-guest-agent). */
  static Path guestAgent() {
    return require(GuestAgentProcess.DEFAULT_BINARY, "qemu-guest-agent");
  }

  private static Path require(String name, String debianPackage) {
    Optional<Path> found = Executables.find(name);
    if (found.isEmpty() && System.getenv("QAPI4J_REQUIRE_SHARED") != null) {
      throw new AssertionError("QAPI4J_REQUIRE_SHARED is set but " + name
          + " is not installed (Debian package " + debianPackage + "; .ci/run installs it)");
    }
    assumeTrue(found.isPresent(), "skipped: " + name + " not found (install the Debian package "
        + debianPackage + " to run the live tests)");
    return found.get();
  }
}
