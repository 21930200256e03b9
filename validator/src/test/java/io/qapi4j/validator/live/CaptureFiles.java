package io.qapi4j.validator.live;

import io.qapi4j.testing.SharedData;
import java.nio.file.Path;

/**
 * Where the live tests record. Normally into {@code target/captures/}; with {@code
 * -Dqapi4j.regenerateCaptures=true} into {@code testdata/captures/}, replacing the committed
 * recordings (and the tour's introspection in {@code testdata/introspection/}):
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

  /**
   * QEMU 7.2's {@code query-qmp-schema} answer in the tour ({@link #QMP}), below {@code
   * testdata/introspection/}: the CLI's bundled QMP schema of last resort.
   */
  static final String INTROSPECTION = "qemu-7.2-x86_64.json";

  static boolean regenerating() {
    return Boolean.getBoolean(REGENERATE);
  }

  /** Where to record {@code name} in this run. */
  static Path recording(String name) {
    return regenerating() ? committed(name) : Path.of("target", "captures", name).toAbsolutePath();
  }

  /** Where to write the tour's {@linkplain #INTROSPECTION introspection} in this run. */
  static Path introspectionRecording() {
    return regenerating() ? committedIntrospection()
        : Path.of("target", "introspection", INTROSPECTION).toAbsolutePath();
  }

  /** The committed {@linkplain #INTROSPECTION introspection} of the tour. */
  static Path committedIntrospection() {
    return SharedData.testdata("introspection/" + INTROSPECTION);
  }

  /** The committed recording {@code name}. */
  static Path committed(String name) {
    return SharedData.testdata("captures/" + name);
  }
}
