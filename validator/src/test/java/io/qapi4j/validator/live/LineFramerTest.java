package io.qapi4j.validator.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Framing of what QEMU and qemu-ga send, however the bytes are chunked. */
class LineFramerTest {

  private static final byte FF = (byte) 0xFF;

  private static byte[] bytes(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object p : parts) {
      if (p instanceof String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
      } else {
        out.write((Byte) p);
      }
    }
    return out.toByteArray();
  }

  /** Frames {@code input} fed in one chunk, as "[FF]text (problem)" strings. */
  private static List<String> frame(LineFramer framer, byte[] input) {
    List<LineFramer.Frame> frames = new ArrayList<>();
    framer.feed(input, 0, input.length, frames::add);
    framer.finish(frames::add);
    return describe(frames);
  }

  private static List<String> describe(List<LineFramer.Frame> frames) {
    return frames.stream().map(f -> (f.afterSentinel() ? "[FF]" : "")
        + new String(f.bytes(), StandardCharsets.ISO_8859_1)
        + (f.problem() == null ? "" : " (" + f.problem() + ")")).toList();
  }

  @Test
  void linesEndWithLfOrCrLfAndBlankLinesCarryNothing() {
    assertThat(frame(new LineFramer(), bytes("{\"a\": 1}\r\n\r\n{\"b\": 2}\n  \n{\"c\": 3}\n")))
        .containsExactly("{\"a\": 1}", "{\"b\": 2}", "{\"c\": 3}");
  }

  @Test
  void aSentinelMarksTheNextMessageAndCutsAPartialOne() {
    byte[] input = bytes("{\"error\": {}}\n", FF, "{\"return\": 7}\n", "{\"half", FF, "{\"return\": 8}\n");

    assertThat(frame(new LineFramer(), input)).containsExactly(
        "{\"error\": {}}", "[FF]{\"return\": 7}", "{\"half (cut short by a 0xFF byte)",
        "[FF]{\"return\": 8}");
  }

  @Test
  void anUnfinishedLastLineIsKeptWithItsProblem() {
    assertThat(frame(new LineFramer(), bytes("{\"a\": 1}\n{\"b\"")))
        .containsExactly("{\"a\": 1}", "{\"b\" (the stream ended before the end of the line)");
  }

  @Test
  void aTooLongMessageIsSkippedAndTheNextOneIsRead() {
    byte[] input = bytes("x".repeat(40), "\n", FF, "y".repeat(30), "\n{\"ok\": 1}\n");

    assertThat(frame(new LineFramer(16), input)).containsExactly(
        " (message of 40 bytes is longer than 16 bytes; skipped)",
        "[FF] (message of 30 bytes is longer than 16 bytes; skipped)",
        "{\"ok\": 1}");
  }

  @Test
  void bytesThatAreNotUtf8PassThroughUnchanged() {
    byte[] input = {'{', (byte) 0xC3, (byte) 0x28, '}', '\n'};

    List<LineFramer.Frame> frames = new ArrayList<>();
    new LineFramer().feed(input, 0, input.length, frames::add);

    assertThat(frames).singleElement().satisfies(f ->
        assertThat(f.bytes()).containsExactly('{', (byte) 0xC3, (byte) 0x28, '}'));
  }

  /** Seeded: any chunking of a mixed stream gives the frames of the whole. */
  @Test
  void chunksCutAnywhereGiveTheSameFrames() {
    Random random = new Random(20261130);
    for (int round = 0; round < 200; round++) {
      ByteArrayOutputStream stream = new ByteArrayOutputStream();
      for (int m = 0; m < 1 + random.nextInt(12); m++) {
        switch (random.nextInt(5)) {
          case 0 -> stream.write(FF);
          case 1 -> stream.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
          default -> stream.writeBytes(("{\"id\": " + random.nextInt(1000) + ", \"s\": \""
              + "z".repeat(random.nextInt(40)) + "\"}" + (random.nextBoolean() ? "\r\n" : "\n"))
              .getBytes(StandardCharsets.US_ASCII));
        }
      }
      byte[] input = stream.toByteArray();
      List<String> whole = frame(new LineFramer(32), input);

      LineFramer framer = new LineFramer(32);
      List<LineFramer.Frame> frames = new ArrayList<>();
      int off = 0;
      while (off < input.length) {
        int n = Math.min(input.length - off, 1 + random.nextInt(9));
        framer.feed(input, off, n, frames::add);
        off += n;
      }
      framer.finish(frames::add);

      assertThat(describe(frames)).as("round %d", round).isEqualTo(whole);
    }
  }
}
