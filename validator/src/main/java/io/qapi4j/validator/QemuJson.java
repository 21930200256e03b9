package io.qapi4j.validator;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * QEMU's JSON dialect for Jackson, shared by everything that reads messages: duplicate keys are an
 * error, single-quoted strings are accepted (QEMU's input dialect), nesting is limited to {@value
 * #MAX_NESTING} levels and a token to 64 MiB (QEMU's {@code MAX_NESTING} and {@code
 * MAX_TOKEN_SIZE}); and QEMU's way of saying that text is not JSON.
 */
public final class QemuJson {

  /** QEMU's json-streamer limit on nesting. */
  public static final int MAX_NESTING = 1024;

  /** QEMU's json-streamer limit on a token: 64 MiB. */
  public static final int MAX_TOKEN = 64 << 20;

  /** A mapper that reads QEMU's dialect with QEMU's limits. */
  public static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder()
              .maxNestingDepth(MAX_NESTING)
              .maxStringLength(MAX_TOKEN)
              .maxNumberLength(MAX_TOKEN)
              .build())
          .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
          .recyclerPool(StripedBufferPool.SHARED)
          .build())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  /** Jackson's asides that name its own API rather than the input. */
  private static final Pattern JACKSON_ASIDES = Pattern.compile(
      "\\s*\\(start marker at \\[[^\\]]*\\]\\)|\\s*\\(bound as `[^`]*`\\)"
          + "|: not allowed as per `[^`]*`|, from `[^`]*`");

  private QemuJson() {}

  /**
   * "JSON parse error, REASON (line L, column C)" as QEMU says, with Jackson's reason, for text
   * that starts at {@code line} and {@code column} of something larger (1 and 1 for text read on
   * its own).
   */
  public static String parseError(JacksonException e, long line, long column) {
    String reason = e.getOriginalMessage();
    if (reason == null) {
      reason = e.getClass().getSimpleName();
    }
    int cut = reason.indexOf('\n');
    if (cut >= 0) {
      reason = reason.substring(0, cut);
    }
    reason = JACKSON_ASIDES.matcher(reason).replaceAll("");
    if (reason.startsWith("Duplicate Object property")) {
      // QEMU's parser says "duplicate key"; keep its words and name the key.
      reason = "duplicate key" + reason.substring("Duplicate Object property".length());
    }
    if (reason.length() > 200) {
      reason = reason.substring(0, 200) + "...";
    }
    return "JSON parse error, " + reason + at(e.getLocation(), line, column);
  }

  /** " (line L, column C)" for a location inside text that starts at line/column. */
  public static String at(@Nullable TokenStreamLocation loc, long line, long column) {
    if (loc == null || loc.getLineNr() < 1) {
      return "";
    }
    long l = line + loc.getLineNr() - 1;
    long c = loc.getLineNr() == 1 ? column + loc.getColumnNr() - 1 : loc.getColumnNr();
    return " (line " + l + ", column " + c + ")";
  }
}
