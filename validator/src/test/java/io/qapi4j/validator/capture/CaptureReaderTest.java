package io.qapi4j.validator.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.testing.SharedData;
import io.qapi4j.validator.Direction;
import io.qapi4j.validator.MessageKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.StringNode;

/** Every capture format, with exact positions and directions. */
class CaptureReaderTest {

  @Test
  void jsonLinesKeepIndexLineColumnOffsetAndTheDirectionTheEnvelopeImplies() {
    String text = "{\"execute\": \"query-status\", \"id\": 1}\n"
        + "{\"return\": {}, \"id\": 1}\n"
        + "  {\"event\": \"STOP\", \"timestamp\": {\"seconds\": 1, \"microseconds\": 2}}\n"
        + "{\"QMP\": {}}\n";

    Captures.Read read = Captures.read(text);

    List<CapturedMessage> m = read.messages();
    assertThat(read.items()).hasSize(4);
    assertThat(m).extracting(CapturedMessage::index).containsExactly(0L, 1L, 2L, 3L);
    assertThat(m).extracting(CapturedMessage::line).containsExactly(1L, 2L, 3L, 4L);
    assertThat(m).extracting(CapturedMessage::column).containsExactly(1, 1, 3, 1);
    assertThat(m).extracting(CapturedMessage::offset).containsExactly(0L,
        (long) text.indexOf("{\"return"), (long) text.indexOf("{\"event"),
        (long) text.indexOf("{\"QMP"));
    assertThat(m).extracting(CapturedMessage::direction).containsExactly(Direction.CLIENT,
        Direction.SERVER, Direction.SERVER, Direction.SERVER);
    assertThat(m).extracting(CapturedMessage::arrow).containsOnly(false);
    assertThat(m).extracting(x -> x.envelope().kind()).containsExactly(MessageKind.COMMAND,
        MessageKind.SUCCESS_REPLY, MessageKind.EVENT, MessageKind.GREETING);
    assertThat(m.get(0).envelope().name()).isEqualTo("query-status");
    assertThat(m.get(0).envelope().id()).isEqualTo(IntNode.valueOf(1));
    assertThat(m.get(2).envelope().name()).isEqualTo("STOP");
    assertThat(read.texts().get(2)).startsWith("{\"event\"").endsWith("}}");
    assertThat(read.reader().format()).isEqualTo(CaptureFormat.JSON);
    assertThat(read.reader().bytesRead()).isEqualTo(text.length());
  }

  @Test
  void valuesOneAfterAnotherOnOneLineAndPrettyPrintedOverMany() {
    String text = "{\"execute\": \"x\"}{\"return\": {}} {\"event\": \"E\"}\n"
        + "{\n  \"return\": {\n    \"a\": [1, 2]\n  },\n  \"id\": \"libvirt-1\"\n}\n\n"
        + "{\n  \"execute\": \"y\",\n  \"id\": \"libvirt-2\"\n}\n";

    Captures.Read read = Captures.read(text);

    assertThat(read.unparsed()).isEmpty();
    assertThat(read.messages()).extracting(CapturedMessage::line)
        .containsExactly(1L, 1L, 1L, 2L, 9L);
    assertThat(read.messages()).extracting(CapturedMessage::column)
        .containsExactly(1, 17, 32, 1, 1);
    assertThat(read.messages().get(3).envelope().id()).isEqualTo(StringNode.valueOf("libvirt-1"));
    assertThat(read.texts().get(3)).endsWith("\"libvirt-1\"\n}");
  }

  @Test
  void transcriptArrowsGiveTheDirectionAndMessagesContinueOverLines() {
    String text = "-> { \"execute\": \"x\",\n"
        + "     \"arguments\": { \"a\": 1 } }\n"
        + "<- { \"return\": {} }\n"
        + "<-{\"execute\": \"sent-by-the-server\"}\n"
        + "->  not a message\n";

    Captures.Read read = Captures.read(text);

    assertThat(read.reader().format()).isEqualTo(CaptureFormat.TRANSCRIPT);
    assertThat(read.messages()).extracting(CapturedMessage::direction)
        .containsExactly(Direction.CLIENT, Direction.SERVER, Direction.SERVER);
    assertThat(read.messages()).extracting(CapturedMessage::arrow).containsOnly(true);
    assertThat(read.messages()).extracting(CapturedMessage::column).containsExactly(4, 4, 3);
    assertThat(read.texts().get(0)).isEqualTo(
        "{ \"execute\": \"x\",\n     \"arguments\": { \"a\": 1 } }");
    assertThat(read.reader().textLines()).isEqualTo(1);
    assertThat(read.unparsed()).isEmpty();
  }

  @Test
  void qgaSyncBytesResetTheLexerAndAreNoError() {
    byte[] bytes = Captures.withSyncBytes(
        "ÿ{\"execute\": \"guest-sync-delimited\", \"arguments\": {\"id\": 7}}\n"
            + "{\"error\": {\"class\": \"GenericError\","
            + " \"desc\": \"JSON parse error, stray '\\uFFFD'\"}}\n"
            + "ÿ{\"return\": 7}\n");

    Captures.Read read = Captures.read(bytes);

    assertThat(read.unparsed()).isEmpty();
    assertThat(read.messages()).hasSize(3);
    assertThat(read.reader().syncBytes()).isEqualTo(2);
    assertThat(read.messages().get(1).envelope().isParseErrorReply()).isTrue();
    assertThat(read.messages().get(2).column()).isEqualTo(2);
    assertThat(read.reader().format()).isEqualTo(CaptureFormat.JSON);
  }

  @Test
  void aSyncByteInsideAMessageCutsItOffAndReadingGoesOnRightAfterIt() {
    byte[] bytes = Captures.withSyncBytes("{\"execute\": \"gues\nÿ{\"return\": 7}\n");

    Captures.Read read = Captures.read(bytes);

    assertThat(read.unparsed()).extracting(Unparsed::line, Unparsed::message).containsExactly(
        org.assertj.core.groups.Tuple.tuple(1L, "unterminated string: line 1 ends inside a string"));
    assertThat(read.texts()).containsExactly("{\"return\": 7}");

    Captures.Read cut = Captures.read(Captures.withSyncBytes("{\"execute\": ÿ{\"return\": 7}"));
    assertThat(cut.unparsed()).singleElement().extracting(Unparsed::message)
        .isEqualTo("incomplete message, cut off by a 0xFF sync byte at line 1");
    assertThat(cut.texts()).containsExactly("{\"return\": 7}");
  }

  @Test
  void qemusSingleQuotedDialectOverSeveralLines() {
    String text = "{ 'execute': 'blockdev-snapshot-sync',\n"
        + "       'arguments': { 'device': 'it\\'s \"quoted\"',\n"
        + "                      'format': 'qcow2' } }\n"
        + "{\"return\": {}}\n";

    Captures.Read read = Captures.read(text);

    assertThat(read.unparsed()).isEmpty();
    assertThat(read.messages()).extracting(m -> m.envelope().name())
        .containsExactly("blockdev-snapshot-sync", null);
    assertThat(read.messages().get(1).line()).isEqualTo(4);
  }

  @Test
  void iotestsLogPlaceholdersGreetingsTextAndPrintedValues() throws IOException {
    Captures.Read read = Captures.read(CaptureReader.open(
        SharedData.testdata("captures/iotests.out")));

    CaptureReader reader = read.reader();
    assertThat(reader.format()).isEqualTo(CaptureFormat.IOTESTS_LOG);
    assertThat(read.unparsed()).isEmpty();
    assertThat(read.items()).filteredOn(FilteredGreeting.class::isInstance)
        .extracting(CaptureItem::line).containsExactly(5L, 16L);
    assertThat(read.messages()).extracting(CapturedMessage::line)
        .containsExactly(6L, 7L, 8L, 12L, 13L, 19L);
    CapturedMessage event = read.messages().get(3);
    assertThat(event.placeholders()).containsExactly("TIMESTAMP", "TIMESTAMP", "LEN");
    assertThat(new String(event.json(), StandardCharsets.UTF_8))
        .startsWith("{\"timestamp\": {\"seconds\":  0, \"microseconds\":  0}")
        .contains("\"speed\": 0}");
    assertThat(reader.placeholders()).isEqualTo(3);
    assertThat(reader.textLines()).isEqualTo(4);
    assertThat(reader.otherValues()).isEqualTo(1); // the qemu-img map list, one value
  }

  @Test
  void placeholdersAreOnlyReplacedInIotestsLogs() {
    Captures.Read read = Captures.read("{\"return\": {\"len\": LEN}}\n");

    assertThat(read.messages()).isEmpty();
    assertThat(read.unparsed()).singleElement().extracting(Unparsed::message).asString()
        .startsWith("JSON parse error, Unrecognized token 'LEN'");
  }

  @Test
  void malformedInputIsReportedWhereItStartsAndReadingResumes() {
    String text = "{\"execute\": \"a\"}\n"
        + "{\"execute\": \"b\", \"arguments\": {\"x\": \"unterminated}\n"
        + "{\"execute\": \"c\"}\n"
        + "{\"execute\": \"d\", \"arguments\": {\n"
        + "{\"execute\": \"e\"}\n"
        + "{\"execute\": \"f\"} trailing\n"
        + "{\"execute\": \"g\",, \"id\": 1}\n"
        + "-> {\"execute\": \"h\",\n"
        + "-> {\"execute\": \"i\"}\n";

    Captures.Read read = Captures.read(text);

    assertThat(read.messages()).extracting(m -> m.envelope().name())
        .containsExactly("a", "c", "e", "f", "i");
    assertThat(read.messages()).extracting(CapturedMessage::index)
        .containsExactly(0L, 1L, 2L, 3L, 4L);
    List<Unparsed> bad = read.unparsed();
    assertThat(bad).extracting(Unparsed::line).containsExactly(2L, 4L, 6L, 7L, 8L);
    assertThat(bad).extracting(Unparsed::column).containsExactly(1, 1, 18, 1, 4);
    assertThat(bad.get(0).message()).isEqualTo("unterminated string: line 2 ends inside a string");
    assertThat(bad.get(1).message()).isEqualTo(
        "incomplete message, cut off by a new message at line 5 (2 brackets still open)");
    assertThat(bad.get(2).message()).isEqualTo("unexpected text after a message");
    assertThat(bad.get(3).message()).startsWith("JSON parse error, ")
        .contains("(line 7, column 1");
    assertThat(bad.get(4).message()).isEqualTo(
        "incomplete message, cut off by a new message at line 9 (1 bracket still open)");
    assertThat(bad.get(0).offset()).isEqualTo(text.indexOf("{\"execute\": \"b\""));
  }

  @Test
  void aListPrintedOneUnindentedElementALineIsOneValue() {
    String text = "[{ \"start\": 0, \"length\": 4096},\n{ \"start\": 4096, \"length\": 8}]\n";

    Captures.Read read = Captures.read(text);

    assertThat(read.unparsed()).isEmpty();
    assertThat(read.texts()).containsExactly(text.strip());
  }

  @Test
  void invalidUtf8AndControlCharactersArePositioned() {
    byte[] bytes = "{\"execute\": \"a??\"}\n{\"execute\": \"b?\"}\n\u0000\u0000\n{\"execute\": \"c\"}\n"
        .getBytes(StandardCharsets.ISO_8859_1);
    bytes[14] = (byte) 0xC3;
    bytes[15] = (byte) 0x28;
    bytes[34] = 0;

    Captures.Read read = Captures.read(bytes);

    assertThat(read.unparsed()).extracting(Unparsed::message).containsExactly(
        "invalid UTF-8: byte 0x28 at line 1, column 16",
        "control character 0x00 in a string at line 2, column 16");
    assertThat(read.texts()).containsExactly("{\"execute\": \"c\"}");
    assertThat(read.reader().textLines()).isEqualTo(1);
  }

  @Test
  void aMessageOverTheSizeLimitIsSkippedNotHeld() {
    String big = "{\"execute\": \"x\", \"arguments\": {\"s\": \"" + "y".repeat(200) + "\"}}";
    String text = big + "\n{\"execute\": \"after\"}\n";

    Captures.Read read = Captures.read(CaptureReader.builder(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t")
        .maxMessageBytes(64).build());

    assertThat(read.unparsed()).singleElement().satisfies(u -> {
      assertThat(u.line()).isEqualTo(1);
      assertThat(u.message()).isEqualTo(
          "message larger than 64 bytes (QEMU's limit is 64 MiB): skipped");
    });
    assertThat(read.texts()).containsExactly("{\"execute\": \"after\"}");
  }

  @Test
  void theEndOfTheInputInsideAMessage() {
    Captures.Read read = Captures.read("{\"execute\": \"a\"}\n{\"execute\": \"b\", \"arguments\": {");

    assertThat(read.texts()).containsExactly("{\"execute\": \"a\"}");
    assertThat(read.unparsed()).singleElement().extracting(Unparsed::line, Unparsed::message)
        .containsExactly(2L, "incomplete message at the end of the capture (2 brackets still open)");
  }

  @Test
  void hostileNestingIsAPositionedErrorNotAStackOverflow() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    Captures.Read read = Captures.read("{\"execute\": \"a\"}\n" + deep + "\n{\"execute\": \"b\"}\n"
        + "[".repeat(100_000));

    assertThat(read.texts()).containsExactly("{\"execute\": \"a\"}", "{\"execute\": \"b\"}");
    assertThat(read.unparsed()).extracting(Unparsed::line).containsExactly(2L, 4L);
    assertThat(read.unparsed().get(0).message()).startsWith("JSON parse error, ")
        .contains("nesting depth").endsWith("(in the message at line 2, column 1)");
    assertThat(read.unparsed().get(1).message())
        .isEqualTo("incomplete message at the end of the capture (100000 brackets still open)");
  }

  @Test
  void theFormatIsDetectedFromTheFirstLineAndTheFirstChunk() {
    assertThat(format("\n\n  {\"execute\": \"x\"}\n")).isEqualTo(CaptureFormat.JSON);
    assertThat(format("-> {\"execute\": \"x\"}\n")).isEqualTo(CaptureFormat.TRANSCRIPT);
    assertThat(format("Example:\n-> {\"execute\": \"x\"}\n")).isEqualTo(CaptureFormat.TRANSCRIPT);
    assertThat(format("QA output created by 042\n{\"return\": {}}\n"))
        .isEqualTo(CaptureFormat.IOTESTS_LOG);
    assertThat(format("Launching VM...\n{\"return\": {}}\n")).isEqualTo(CaptureFormat.LOG);
    assertThat(format("{\"return\": {}}\nRan 4 tests\n")).isEqualTo(CaptureFormat.LOG);
    assertThat(format("")).isEqualTo(CaptureFormat.EMPTY);
    assertThat(Captures.read(Captures.withSyncBytes("ÿ{\"return\": 1}")).reader().format())
        .isEqualTo(CaptureFormat.JSON);
  }

  @Test
  void inLogsValuesWithoutAnEnvelopeAreLogOutputAndSoIsTextGluedToThem() {
    Captures.Read read = Captures.read("Launching VM...\n{\"a\": 1}\n    [0]: active\n"
        + "{\"return\": {}} glued\n");

    assertThat(read.messages()).hasSize(1);
    assertThat(read.reader().otherValues()).isEqualTo(1);
    assertThat(read.reader().textLines()).isEqualTo(2);
    assertThat(read.unparsed()).singleElement().extracting(Unparsed::message)
        .isEqualTo("unexpected text after a message");
  }

  private static CaptureFormat format(String text) {
    return Captures.read(text).reader().format();
  }
}
