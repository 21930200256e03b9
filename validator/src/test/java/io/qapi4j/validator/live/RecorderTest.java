package io.qapi4j.validator.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qapi4j.validator.Direction;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What the recorders write for chunks of both directions. */
class RecorderTest {

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void aTranscriptHasOneLinePerMessageInTheOrderMessagesWereComplete() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TranscriptRecorder rec = TranscriptRecorder.to(out)) {
      rec.onBytes(Direction.SERVER, b("{\"QMP\": {}}\r\n{\"ret"));
      rec.onBytes(Direction.CLIENT, b("{\"execute\":"));
      rec.onBytes(Direction.CLIENT, b("\"x\"}\n\n"));
      rec.onBytes(Direction.SERVER, b("urn\": {}}\r"));
      rec.onBytes(Direction.SERVER, b("\n{\"event\": \"STOP\"}\r\n{\"unfinished"));
      rec.onBytes(Direction.CLIENT, b("{\"execute\":\"y\""));
    }

    assertThat(out.toString(StandardCharsets.ISO_8859_1)).isEqualTo("""
        <- {"QMP": {}}
        -> {"execute":"x"}
        <- {"return": {}}
        <- {"event": "STOP"}
        -> {"execute":"y"
        <- {"unfinished
        """);
  }

  @Test
  void aRawRecordingIsEveryByteInOrder() throws Exception {
    Path file = Files.createTempDirectory("qapi4j-rec-").resolve("sub/raw.bin");
    try (RawStreamRecorder rec = RawStreamRecorder.open(file)) {
      rec.onBytes(Direction.CLIENT, new byte[] {(byte) 0xFF, '{', '}', '\n'});
      rec.onBytes(Direction.SERVER, new byte[] {'{', '}', '\n', (byte) 0xFF});
      rec.flush();
      assertThat(Files.size(file)).isEqualTo(8);
    }

    assertThat(Files.readAllBytes(file))
        .containsExactly((byte) 0xFF, '{', '}', '\n', '{', '}', '\n', (byte) 0xFF);
    ChildProcess.deleteTree(file.getParent().getParent());
  }

  @Test
  void nothingIsWrittenAfterClose() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RawStreamRecorder rec = RawStreamRecorder.to(out);
    rec.close();
    rec.onBytes(Direction.SERVER, b("late"));
    rec.close();

    assertThat(out.size()).isZero();
  }

  @Test
  void aFileThatCannotBeWrittenIsAClearError() {
    assertThatThrownBy(() -> TranscriptRecorder.open(Path.of("/proc/qapi4j/x.log")))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith("cannot record into /proc/qapi4j/x.log: ");
  }
}
