package io.qapi4j.model.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Decoding schema files: the text, or the first invalid byte, exactly as a strict UTF-8 decoder
 * finds them, whether or not the text holds U+FFFD.
 */
class Utf8DecodingTest {

  /** Valid and invalid UTF-8 pieces: ASCII, 2-, 3- and 4-byte characters, U+FFFD, and breakage. */
  private static final List<String> PIECES = List.of("41", "0a", "27", "c3a9", "e282ac",
      "efbfbd", "f09f9880", "80", "bf", "c0af", "c3", "e282", "eda080", "f4908080", "ff", "fe");

  @Test
  void aReplacementCharacterWrittenInTheFileIsText() {
    String text = "# \uFFFD caf\u00e9\n";
    assertThat(FileSystemLoader.decode("f.json", text.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(text);
  }

  @Test
  void decodesAsAStrictDecoderDoes() {
    Random random = new Random(11);
    int invalid = 0;
    for (int n = 0; n < 5_000; n++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (int i = random.nextInt(8); i > 0; i--) {
        // Mostly valid pieces, so that both valid and invalid inputs are frequent.
        out.writeBytes(HexFormat.of().parseHex(PIECES.get(random.nextInt(
            random.nextInt(4) == 0 ? PIECES.size() : 7))));
      }
      byte[] bytes = out.toByteArray();
      Integer bad = firstInvalidByte(bytes);
      if (bad == null) {
        assertThat(FileSystemLoader.decode("f.json", bytes))
            .isEqualTo(new String(bytes, StandardCharsets.UTF_8));
      } else {
        invalid++;
        assertThatThrownBy(() -> FileSystemLoader.decode("f.json", bytes))
            .isInstanceOf(SourceLoader.InvalidSourceException.class)
            .hasMessageEndingWith(" at offset " + bad);
      }
    }
    assertThat(invalid).isBetween(500, 4_500);
  }

  /** The offset of the first byte a strict decoder rejects, or {@code null}. */
  private static Integer firstInvalidByte(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer chars = CharBuffer.allocate(bytes.length + 1);
    return decoder.decode(in, chars, true).isError() ? in.position() : null;
  }
}
