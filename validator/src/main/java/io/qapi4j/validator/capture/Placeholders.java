package io.qapi4j.validator.capture;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The bare words QEMU's iotests filters ({@code common.filter}, {@code iotests.py}) write in place
 * of values that change from run to run, and what a capture reader puts in their place so that
 * the message can be validated: numbers become {@code 0} (valid for every integer type), {@code
 * HASH} (a sha256) and {@code PORT} (QAPI's {@code InetSocketAddress} port is a string) become
 * strings. Only used for {@link CaptureFormat#IOTESTS_LOG}.
 */
final class Placeholders {

  private static final Map<String, String> SUBSTITUTES = Map.of(
      "TIMESTAMP", "0",
      "LEN", "0",
      "OFFSET", "0",
      "SIZE", "0",
      "PORT", "\"PORT\"",
      "(filtered)", "0",
      "HASH", "\"HASH\"");

  /** What the filters write in place of a whole greeting (alone on a line, or inside braces). */
  static final String GREETING = "QMP_VERSION";

  private Placeholders() {}

  /** The JSON text to put in place of the bare word {@code word}, or {@code null} if none. */
  static byte @Nullable [] substitute(String word) {
    String s = SUBSTITUTES.get(word);
    return s == null ? null : s.getBytes(StandardCharsets.US_ASCII);
  }
}
