package io.qapi4j.validator.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.validator.Direction;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Transcript lines numbered as they start, written in that order, and cut when one waits long. */
class TranscriptLinesTest {

  /** The lines and the transcript a run of feeds gives. */
  private static final class Run implements TranscriptLines.Sink {
    final List<String> events = new ArrayList<>();
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final TranscriptWriter writer = new TranscriptWriter(out, "out");
    final TranscriptLines lines;

    Run(int maxWaiting) {
      lines = new TranscriptLines(this, maxWaiting);
    }

    Run feed(Direction d, String text) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      lines.feed(d, bytes, 0, bytes.length);
      return this;
    }

    String transcript() {
      lines.finish();
      writer.flush();
      return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void lineStarted(Direction direction, long number) {
      events.add(direction.arrow() + number);
      writer.lineStarted(direction, number, false);
    }

    @Override
    public void bytes(Direction direction, byte[] chunk, int offset, int length) {
      writer.bytes(direction, chunk, offset, length);
    }

    @Override
    public void lineEnded(Direction direction, boolean newline) {
      events.add(direction.arrow() + (newline ? "\\n" : " cut"));
      writer.lineEnded(direction);
    }
  }

  @Test
  void linesAreNumberedWhenTheyStartAndEmptyLinesAreNone() {
    Run run = new Run(1000)
        .feed(Direction.CLIENT, "a1")
        .feed(Direction.SERVER, "b1\r\n\r\n")
        .feed(Direction.SERVER, "\nb")
        .feed(Direction.CLIENT, "\n")
        .feed(Direction.SERVER, "2\r")
        .feed(Direction.SERVER, "x\r\n");

    assertThat(run.transcript()).isEqualTo("-> a1\n<- b1\n<- \n<- b2\rx\n");
    assertThat(run.events).containsExactly("->1", "<-2", "<-\\n", "<-3", "<-\\n", "<-4", "->\\n",
        "<-\\n");
  }

  @Test
  void aLineThatWaitsTooLongIsCutAndGoesOnAsANewLine() {
    Run run = new Run(10)
        .feed(Direction.CLIENT, "{\"exec")
        .feed(Direction.SERVER, "12345\n")
        .feed(Direction.SERVER, "67890\n")
        .feed(Direction.CLIENT, "ute\": 1}\n");

    assertThat(run.events).containsExactly("->1", "<-2", "<-\\n", "<-3", "-> cut", "<-\\n", "->4",
        "->\\n");
    assertThat(run.transcript()).isEqualTo("-> {\"exec\n<- 12345\n<- 67890\n-> ute\": 1}\n");
  }

  @Test
  void openLinesEndWithTheSessionOldestFirst() {
    Run run = new Run(1000).feed(Direction.SERVER, "s").feed(Direction.CLIENT, "c");

    assertThat(run.transcript()).isEqualTo("<- s\n-> c\n");
    assertThat(run.lines.lines()).isEqualTo(2);
  }
}
