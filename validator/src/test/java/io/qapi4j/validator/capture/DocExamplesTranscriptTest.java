package io.qapi4j.validator.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.testing.SharedData;
import io.qapi4j.validator.Direction;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * QEMU's documentation examples ({@code ../shared/qemu-qapi/master/examples.jsonl}) written back
 * as one {@code -> }/{@code <- } transcript, as they stand in the docs: every example that is JSON
 * comes out as a message with its arrow's direction and the same value, and nothing else does (a
 * value followed by a stray comma is read, and the comma reported).
 */
class DocExamplesTranscriptTest {

  @Test
  void qemusDocExamplesAsATranscript() throws IOException {
    JsonMapper mapper = JsonMapper.shared();
    StringBuilder transcript = new StringBuilder();
    List<JsonNode> expected = new ArrayList<>();
    List<Direction> directions = new ArrayList<>();
    int trailing = 0;
    for (String line : Files.readAllLines(SharedData.shared("qemu-qapi/master/examples.jsonl"))) {
      JsonNode example = mapper.readTree(line);
      String arrow = example.get("direction").asString();
      transcript.append(arrow).append(' ').append(example.get("text").asString()).append('\n');
      String error = example.path("json_error").asString("");
      if (example.get("valid_json").asBoolean()) {
        expected.add(example.get("json"));
      } else if (error.startsWith("Extra data")) {
        // A value with text after it ("{...},"): the value is read, the rest reported.
        int end = Integer.parseInt(error.replaceAll(".*\\(char (\\d+)\\)", "$1"));
        expected.add(mapper.readTree(example.get("text").asString().substring(0, end)));
        trailing++;
      } else {
        continue;
      }
      directions.add(arrow.equals("->") ? Direction.CLIENT : Direction.SERVER);
    }

    Captures.Read read = Captures.read(transcript.toString());

    assertThat(read.reader().format()).isEqualTo(CaptureFormat.TRANSCRIPT);
    List<JsonNode> values = new ArrayList<>();
    for (CapturedMessage m : read.messages()) {
      values.add(mapper.readTree(m.json()));
    }
    assertThat(values).containsExactlyElementsOf(expected);
    assertThat(read.messages()).extracting(CapturedMessage::direction)
        .containsExactlyElementsOf(directions);
    assertThat(expected).hasSizeGreaterThan(400);
    assertThat(read.unparsed()).filteredOn(u -> u.message().equals(
        "unexpected text after a message")).hasSize(trailing).isNotEmpty();
  }
}
