package io.qapi4j.validator.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.validator.QmpValidator;
import io.qapi4j.validator.Severity;
import io.qapi4j.validator.ViolationCode;
import io.qapi4j.validator.capture.CaptureFinding;
import io.qapi4j.validator.capture.CaptureListener;
import io.qapi4j.validator.capture.CaptureReader;
import io.qapi4j.validator.capture.CaptureValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A recording validated end to end, as {@code qapi4j validate} does it (capture reader, session
 * tracker, message validator): its findings one a line, as the golden files list them, and the
 * check that the findings are exactly the deliberate mistakes.
 */
final class EndToEnd {
  private EndToEnd() {}

  /**
   * Every finding of {@code capture}, in the order found, as {@code LINE ARROW [CODE] NAME
   * POINTER SEVERITY: MESSAGE} ({@code -} for no name or pointer), then every piece of malformed
   * input as {@code LINE UNPARSED: MESSAGE}.
   */
  static List<String> findings(Path capture, QmpValidator validator) {
    List<String> findings = new ArrayList<>();
    List<String> unparsed = new ArrayList<>();
    try (CaptureReader reader = CaptureReader.open(capture)) {
      CaptureValidator.of(validator).validate(reader, CaptureListener.of(
          f -> findings.add(line(f)), u -> unparsed.add(u.line() + " UNPARSED: " + u.message())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    findings.addAll(unparsed);
    return findings;
  }

  /** One finding as the golden files write it. */
  static String line(CaptureFinding f) {
    String name = f.message().name();
    String pointer = f.violation().pointer();
    return f.message().line() + " " + f.message().direction().arrow() + " ["
        + f.violation().code() + "] " + (name == null ? "-" : name) + " "
        + (pointer.isEmpty() ? "-" : pointer) + " "
        + f.violation().severity().name().toLowerCase(Locale.ROOT) + ": " + f.violation().message();
  }

  /** The golden file {@code name} of {@code testdata/captures/}, one finding a line. */
  static List<String> golden(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Asserts that {@code findings} of a recording are exactly its deliberate mistakes: each
   * mistake's line is flagged, first with the mistake's code and pointer (a syntax error is
   * malformed input instead), or not at all when {@code shows} says the schema cannot show it;
   * no other line has an error or a warning; the only other findings are the {@code info} notes
   * on the server's id-less "JSON parse error" replies.
   */
  static void assertExactlyTheMistakes(Path capture, List<String> findings, List<Mistake> mistakes,
      java.util.function.Predicate<Mistake> shows) {
    List<String> lines = lines(capture);
    Map<Long, String> firstFinding = new LinkedHashMap<>();
    Set<Long> unparsed = new TreeSet<>();
    for (String f : findings) {
      long line = Long.parseLong(f.substring(0, f.indexOf(' ')));
      String rest = f.substring(f.indexOf(' ') + 1);
      if (rest.startsWith("UNPARSED: ")) {
        unparsed.add(line);
      } else if (rest.contains(" info: ")) {
        assertThat(rest).as(f).startsWith("<- [UNEXPECTED_REPLY] - - info: Unsolicited reply");
        assertThat(lines.get((int) line - 1)).as(f).contains("\"desc\": \"JSON parse error, ");
      } else {
        firstFinding.putIfAbsent(line, rest);
      }
    }
    Map<Long, String> expected = new LinkedHashMap<>();
    Set<Long> expectedUnparsed = new TreeSet<>();
    for (int i = 0; i < lines.size(); i++) {
      String text = request(lines.get(i));
      for (Mistake m : mistakes) {
        if (!m.request().equals(text)) {
          continue;
        }
        if (m.code() == ViolationCode.JSON_PARSE_ERROR) {
          expectedUnparsed.add(i + 1L);
        } else if (shows.test(m)) {
          expected.put(i + 1L, "-> [" + m.code() + "] ");
        }
      }
    }
    List<String> requests = lines.stream().map(EndToEnd::request).toList();
    assertThat(requests).as("the requests of %s", capture)
        .containsAll(mistakes.stream().map(Mistake::request).toList());
    assertThat(firstFinding.keySet()).as("the lines flagged in %s", capture)
        .containsExactlyInAnyOrderElementsOf(expected.keySet());
    for (Map.Entry<Long, String> e : expected.entrySet()) {
      String first = firstFinding.get(e.getKey());
      Mistake m = mistakes.stream().filter(x -> x.request().equals(request(
          lines.get((int) (long) e.getKey() - 1)))).findFirst().orElseThrow();
      assertThat(first).as("line %s of %s", e.getKey(), capture).startsWith(e.getValue())
          .contains(" " + (m.pointer().isEmpty() ? "-" : m.pointer()) + " "
              + Severity.ERROR.name().toLowerCase(Locale.ROOT) + ": ");
    }
    assertThat(unparsed).as("the malformed input of %s", capture).isEqualTo(expectedUnparsed);
  }

  /** A line of a transcript without its arrow. */
  private static String request(String line) {
    return line.startsWith("-> ") || line.startsWith("<- ") ? line.substring(3) : line;
  }

  /** The lines of a capture, without the 0xFF sync bytes of a guest agent's stream. */
  private static List<String> lines(Path capture) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(capture);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> out = new ArrayList<>();
    java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
    for (byte b : bytes) {
      if (b == '\n') {
        out.add(line.toString(StandardCharsets.UTF_8));
        line.reset();
      } else if (b != (byte) 0xFF) {
        line.write(b);
      }
    }
    if (line.size() > 0) {
      out.add(line.toString(StandardCharsets.UTF_8));
    }
    return out;
  }
}
