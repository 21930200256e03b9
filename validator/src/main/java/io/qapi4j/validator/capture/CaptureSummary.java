package io.qapi4j.validator.capture;

import io.qapi4j.validator.ViolationCode;
import java.util.EnumMap;
import java.util.Map;

/**
 * What validating one capture found, in numbers.
 *
 * @param source the capture's name
 * @param format its detected format
 * @param bytes bytes read
 * @param messages messages validated
 * @param unparsed pieces of malformed input skipped
 * @param textLines lines of log text skipped
 * @param otherValues JSON values skipped as log output (log formats only)
 * @param syncBytes 0xFF sync bytes seen
 * @param filteredGreetings iotests {@code QMP_VERSION} greeting placeholders seen
 * @param placeholders iotests placeholders replaced in messages
 * @param sessions sessions seen
 * @param uncorrelatedReplies replies before the capture showed any command (not matched)
 * @param errors findings of severity error
 * @param warnings findings of severity warning
 * @param infos findings of severity info
 * @param byCode findings by code (all severities), in code order
 */
public record CaptureSummary(
    String source,
    CaptureFormat format,
    long bytes,
    long messages,
    long unparsed,
    long textLines,
    long otherValues,
    long syncBytes,
    long filteredGreetings,
    long placeholders,
    int sessions,
    long uncorrelatedReplies,
    long errors,
    long warnings,
    long infos,
    Map<ViolationCode, Long> byCode) {

  public CaptureSummary {
    byCode = byCode.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(
        new EnumMap<>(byCode));
  }

  /** Whether the capture is clean: no error findings and no malformed input. */
  public boolean clean() {
    return errors == 0 && unparsed == 0;
  }
}
