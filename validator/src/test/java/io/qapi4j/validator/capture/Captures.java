package io.qapi4j.validator.capture;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads test captures given as text or bytes. */
final class Captures {
  private Captures() {}

  /** What a reader yielded, and the reader (for its counts). */
  record Read(List<CaptureItem> items, CaptureReader reader) {

    List<CapturedMessage> messages() {
      return items.stream().filter(CapturedMessage.class::isInstance)
          .map(CapturedMessage.class::cast).toList();
    }

    List<Unparsed> unparsed() {
      return items.stream().filter(Unparsed.class::isInstance).map(Unparsed.class::cast).toList();
    }

    /** Each message's text. */
    List<String> texts() {
      return messages().stream().map(m -> new String(m.json(), StandardCharsets.UTF_8)).toList();
    }
  }

  static Read read(String text) {
    return read(text.getBytes(StandardCharsets.UTF_8));
  }

  static Read read(byte[] bytes) {
    return read(CaptureReader.of(new ByteArrayInputStream(bytes), "t"));
  }

  static Read read(CaptureReader reader) {
    List<CaptureItem> items = new ArrayList<>();
    try (reader) {
      for (CaptureItem item = reader.next(); item != null; item = reader.next()) {
        items.add(item);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Read(items, reader);
  }

  /** {@code text} as bytes with each {@code ÿ} (U+00FF) turned into the single byte 0xFF. */
  static byte[] withSyncBytes(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    List<Byte> out = new ArrayList<>();
    for (int i = 0; i < utf8.length; i++) {
      if ((utf8[i] & 0xFF) == 0xC3 && i + 1 < utf8.length && (utf8[i + 1] & 0xFF) == 0xBF) {
        out.add((byte) 0xFF);
        i++;
      } else {
        out.add(utf8[i]);
      }
    }
    byte[] bytes = new byte[out.size()];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = out.get(i);
    }
    return bytes;
  }
}
