package io.qapi4j.validator;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.model.Schema;
import io.qapi4j.model.read.SchemaReader;
import io.qapi4j.testing.SharedData;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Malformed and hostile messages come back as violations, never as exceptions. */
class HostileInputTest {

  private static final Schema SCHEMA =
      SchemaReader.strict().read(SharedData.testdata("validator/frob.json")).orElseThrow();
  private static final QmpValidator VALIDATOR = QmpValidator.of(SCHEMA);

  private static Violation only(ValidationResult r) {
    assertThat(r.violations()).hasSize(1);
    return r.violations().get(0);
  }

  @Test
  void truncatedAndMalformedJson() {
    for (String text : List.of("", "{", "{\"execute\": ", "{\"execute\" \"ping\"}", "nul", "{'a': }")) {
      Violation v = only(VALIDATOR.validate(text));
      assertThat(v.code()).as(text).isEqualTo(ViolationCode.JSON_PARSE_ERROR);
      assertThat(v.message()).startsWith("JSON parse error, ");
    }
  }

  @Test
  void aHundredMegabyteStringIsRejectedLikeQemusTokenLimit() {
    byte[] head = "{\"execute\": \"frob\", \"arguments\": {\"mode\": \"".getBytes(StandardCharsets.US_ASCII);
    long size = 100L << 20;
    InputStream body = new InputStream() {
      long left = size;

      @Override
      public int read() {
        return left-- > 0 ? 'x' : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left <= 0) {
          return -1;
        }
        int n = (int) Math.min(len, left);
        java.util.Arrays.fill(b, off, off + n, (byte) 'x');
        left -= n;
        return n;
      }
    };
    InputStream in = new SequenceInputStream(new ByteArrayInputStream(head),
        new SequenceInputStream(body, new ByteArrayInputStream("\"}}".getBytes(StandardCharsets.US_ASCII))));

    Violation v = only(VALIDATOR.validate(in));

    assertThat(v.code()).isEqualTo(ViolationCode.JSON_PARSE_ERROR);
    assertThat(v.message()).contains("String value length").contains("exceeds the maximum");
  }

  @Test
  void nestingDepthOfAHundredThousandIsAParseError() {
    String deep = "{\"execute\": \"frob\", \"arguments\": {\"blob\": " + "[".repeat(100_000)
        + "]".repeat(100_000) + "}}";

    Violation v = only(VALIDATOR.validate(deep));

    assertThat(v.code()).isEqualTo(ViolationCode.JSON_PARSE_ERROR);
    assertThat(v.message()).contains("Document nesting depth").contains("1024");
  }

  @Test
  void duplicateKeysAreRejectedAsQemusParserDoes() {
    Violation v = only(VALIDATOR.validate("{\"execute\": \"ping\", \"arguments\": {\"a\": 1, \"a\": 2}}"));

    assertThat(v.message()).isEqualTo("JSON parse error, duplicate key \"a\" (line 1, column 46)");
  }

  @Test
  void numbersBeyondSixtyFourBitsAreNotIntegersOfAnyWidth() {
    String args = "\"a\": {\"b\": []}, \"mode\": \"slow\", ";
    assertThat(only(VALIDATOR.validate("{\"execute\": \"frob\", \"arguments\": {" + args
        + "\"big\": 123456789012345678901234567890}}")).code()).isEqualTo(ViolationCode.OUT_OF_RANGE);
    assertThat(VALIDATOR.validate("{\"execute\": \"frob\", \"arguments\": {" + args
        + "\"ratio\": 123456789012345678901234567890}}").violations()).isEmpty();
    assertThat(VALIDATOR.validate("{\"execute\": \"frob\", \"arguments\": {" + args
        + "\"big\": 18446744073709551615}}").violations()).isEmpty();
  }

  @Test
  void invalidUtf8BytesAreAParseError() {
    byte[] bytes = "{\"execute\": \"ping\", \"id\": \"\u00e9\"}".getBytes(StandardCharsets.UTF_8);
    bytes[bytes.length - 3] = (byte) 0xff;

    Violation v = only(VALIDATOR.validate(bytes));

    assertThat(v.code()).isEqualTo(ViolationCode.JSON_PARSE_ERROR);
    assertThat(v.message()).contains("Invalid UTF-8");
  }

  @Test
  void singleQuotedInputIsAcceptedAsQemuAccepts() {
    assertThat(VALIDATOR.validate("{ 'execute': 'ping' }").violations()).isEmpty();
  }
}
