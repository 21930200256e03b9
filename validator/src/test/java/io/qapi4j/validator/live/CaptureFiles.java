package io.qapi4j.validator.live;

import io.qapi4j.testing.SharedData;
import java.nio.file.Path;

/**
 * Where the live tests record. Normally into {@code target/captures/}; with {@code
 * -Dqapi4j.regenerateCaptures=true} into {@code testdata/captures/}, replacing the committed
 * recordings:
 *
 * <pre>mvn -B -pl validator -am verify -Dtest='QmpLiveSessionTest,QgaLiveSessionTest' \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dqapi4j.regenerateCaptures=true</pre>
 */
final class CaptureFiles {
  private CaptureFiles() {}

  static final String REGENERATE = "qapi4j.regenerateCaptures";

  /** The QMP transcript of the live tour (no mistakes). */
  static final String QMP = "qmp-qemu-7.2.log";

  /** The QMP transcript of the full live session, deliberate mistakes included. */
  static final String QMP_MISTAKES = "qmp-qemu-7.2-mistakes.log";

  /** The raw QGA stream of the live session. */
  static final String QGA = "qga-qemu-ga-7.2.raw";

  static boolean regenerating() {
    return Boolean.getBoolean(REGENERATE);
  }

  /** Where to record {@code name} in this run. */
  static Path recording(String name) {
    return regenerating() ? committed(name) : Path.of("target", "captures", name).toAbsolutePath();
  }

  /** The committed recording {@code name}. */
  static Path committed(String name) {
    return SharedData.testdata("captures/" + name);
  }
}
