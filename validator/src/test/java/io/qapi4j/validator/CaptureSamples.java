package io.qapi4j.validator;

import io.qapi4j.model.Schema;
import io.qapi4j.validator.capture.CaptureItem;
import io.qapi4j.validator.capture.CaptureReader;
import io.qapi4j.validator.capture.CapturedMessage;
import io.qapi4j.validator.capture.SessionTracker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The messages of a capture as {@code CaptureValidator} hands them to {@link QmpValidator}: the
 * framed bytes, the direction, and the command a reply answers as the capture's session tracker
 * pairs them (malformed messages included, as the reader frames them).
 */
final class CaptureSamples {
  private CaptureSamples() {}

  /** One message of a capture. */
  record Sample(byte[] json, Direction direction, @Nullable String inReplyTo, String source) {}

  /** Every message of {@code file}, a capture of {@code protocol} traffic against {@code schema}. */
  static List<Sample> read(Path file, Protocol protocol, Schema schema) {
    List<Sample> out = new ArrayList<>();
    SessionTracker sessions = new SessionTracker(protocol, schema);
    try (CaptureReader reader = CaptureReader.open(file)) {
      for (CaptureItem item = reader.next(); item != null; item = reader.next()) {
        if (item instanceof CapturedMessage m) {
          out.add(new Sample(m.json(), m.direction(), sessions.accept(m).inReplyTo(),
              file.getFileName() + ":" + m.line()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The schema of the capture's own {@code query-qmp-schema} reply. */
  static Schema ownSchema(Path file) {
    try (CaptureReader reader = CaptureReader.open(file)) {
      var found = io.qapi4j.validator.capture.EmbeddedSchema.find(reader);
      if (found == null) {
        throw new IllegalArgumentException(file + " holds no query-qmp-schema reply");
      }
      return found.result().orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
