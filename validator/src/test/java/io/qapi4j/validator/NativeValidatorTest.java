package io.qapi4j.validator;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.model.Schema;
import io.qapi4j.model.read.SchemaReader;
import io.qapi4j.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The native engine's verdicts, codes, paths and QEMU's words. */
class NativeValidatorTest {

  private static final Schema SCHEMA =
      SchemaReader.strict().read(SharedData.testdata("validator/frob.json")).orElseThrow();
  private static final QmpValidator VALIDATOR = QmpValidator.of(SCHEMA);

  private static List<String> violations(String json) {
    return violations(VALIDATOR.validate(json));
  }

  private static List<String> violations(ValidationResult r) {
    return r.violations().stream()
        .map(v -> v.code() + " " + v.pointer() + " [" + v.path() + "] " + v.message()).toList();
  }

  private static String frob(String args) {
    return "{\"execute\": \"frob\", \"arguments\": {" + args + "}}";
  }

  @Test
  void validCommandHasNoViolations() {
    ValidationResult r = VALIDATOR.validate(frob(
        "\"a\": {\"b\": [{\"c\": 1, \"d\": \"x\"}, {\"c\": -128}]}, \"mode\": \"fast\", \"count\": 255,"
            + " \"big\": -5, \"ref\": {\"kind\": \"net\", \"host\": \"h\", \"port\": 22}, \"ratio\": 1.5,"
            + " \"flag\": true, \"blob\": [null, {}]"));

    assertThat(violations(r)).isEmpty();
    assertThat(r.valid()).isTrue();
    assertThat(r.kind()).isEqualTo(MessageKind.COMMAND);
    assertThat(r.name()).isEqualTo("frob");
  }

  @Test
  void missingAndUnexpectedMembersUseQemusFullPaths() {
    assertThat(violations(frob("\"a\": {\"b\": [{\"c\": 1}, {\"d\": \"x\", \"zz\": 0}]}, \"extra\": 1"))).containsExactly(
        "MISSING_MEMBER /arguments/a/b/1/c [a.b[1].c] Parameter 'a.b[1].c' is missing",
        "UNEXPECTED_MEMBER /arguments/a/b/1/zz [a.b[1].zz] Parameter 'a.b[1].zz' is unexpected",
        "MISSING_MEMBER /arguments/mode [mode] Parameter 'mode' is missing",
        "UNEXPECTED_MEMBER /arguments/extra [extra] Parameter 'extra' is unexpected");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\"count\": 256 | OUT_OF_RANGE /arguments/count [count] Parameter 'count' expects uint8_t",
      "\"count\": -1 | OUT_OF_RANGE /arguments/count [count] Parameter 'count' expects uint8_t",
      "\"count\": 1.0 | INVALID_TYPE /arguments/count [count] Parameter 'count' expects uint64",
      "\"count\": \"1\" | INVALID_TYPE /arguments/count [count] Parameter 'count' expects uint64",
      "\"big\": 18446744073709551616 | OUT_OF_RANGE /arguments/big [big] Parameter 'big' expects uint64",
      "\"big\": -9223372036854775809 | OUT_OF_RANGE /arguments/big [big] Parameter 'big' expects uint64",
      "\"ratio\": \"x\" | INVALID_TYPE /arguments/ratio [ratio] Invalid parameter type for 'ratio', expected: number",
      "\"flag\": 1 | INVALID_TYPE /arguments/flag [flag] Invalid parameter type for 'flag', expected: boolean",
      "\"ref\": 5 | NO_ALTERNATE_BRANCH /arguments/ref [ref] Invalid parameter type for 'ref', expected: Ref",
      "\"ref\": {\"kind\": \"tape\"} | INVALID_ENUM_VALUE /arguments/ref/kind [ref.kind] Parameter 'kind' does not accept value 'tape'",
      "\"ref\": {\"kind\": \"file\", \"host\": \"h\", \"path\": \"p\"} | UNEXPECTED_MEMBER /arguments/ref/host [ref.host] Parameter 'ref.host' is unexpected",
  })
  void scalarsEnumsAndAlternatesReportLikeQemu(String member, String expected) {
    assertThat(violations(frob("\"a\": {\"b\": []}, \"mode\": \"slow\", " + member))).containsExactly(expected);
  }

  @Test
  void arrayElementsAreNamedNullInOwnNameMessages() {
    assertThat(violations(frob("\"a\": {\"b\": [{\"c\": 300}]}, \"mode\": \"slow\""))).containsExactly(
        "OUT_OF_RANGE /arguments/a/b/0/c [a.b[0].c] Parameter 'c' expects int8_t");
    assertThat(violations(frob("\"a\": {\"b\": {}}, \"mode\": \"slow\""))).containsExactly(
        "INVALID_TYPE /arguments/a/b [a.b] Invalid parameter type for 'a.b', expected: array");
  }

  @Test
  void implicitUnionBranchesAddNoMembersAndNullIsNotAbsent() {
    assertThat(violations(frob("\"a\": {\"b\": []}, \"mode\": \"slow\", \"ref\": {\"kind\": \"none\"}"))).isEmpty();
    assertThat(violations(frob("\"a\": {\"b\": []}, \"mode\": \"slow\", \"ref\": null"))).isEmpty();
    assertThat(violations(frob("\"a\": {\"b\": []}, \"mode\": null"))).containsExactly(
        "INVALID_TYPE /arguments/mode [mode] Invalid parameter type for 'mode', expected: string");
  }

  @Test
  void boxedUnionArgumentsAndEmptyArguments() {
    assertThat(violations("{\"execute\": \"add-device\", \"arguments\": {\"kind\": \"net\", \"host\": \"h\"}}"))
        .containsExactly("MISSING_MEMBER /arguments/port [port] Parameter 'port' is missing");
    assertThat(violations("{\"execute\": \"ping\"}")).isEmpty();
    assertThat(violations("{\"execute\": \"ping\", \"arguments\": {\"x\": 1}}"))
        .containsExactly("UNEXPECTED_MEMBER /arguments/x [x] Parameter 'x' is unexpected");
    assertThat(violations("{\"execute\": \"raw-cmd\", \"arguments\": {\"anything\": [1]}}")).isEmpty();
  }

  /** A command sent without arguments has them checked as an empty object, as QEMU does. */
  @Test
  void argumentsLeftOutAreAnEmptyObject() {
    assertThat(violations("{\"execute\": \"frob\"}")).containsExactly(
        "MISSING_MEMBER /arguments/a [a] Parameter 'a' is missing",
        "MISSING_MEMBER /arguments/mode [mode] Parameter 'mode' is missing");
    assertThat(violations("{\"execute\": \"add-device\", \"id\": 1}")).containsExactly(
        "MISSING_MEMBER /arguments/kind [kind] Parameter 'kind' is missing");
    assertThat(violations("{\"execute\": \"raw-cmd\"}")).isEmpty();
    for (String command : List.of("ping", "frob", "add-device", "raw-cmd", "old-cmd")) {
      assertThat(violations("{\"execute\": \"" + command + "\"}")).as(command)
          .isEqualTo(violations("{\"execute\": \"" + command + "\", \"arguments\": {}}"));
    }
  }

  @Test
  void envelopeErrorsUseQemusDispatcherWords() {
    assertThat(violations("[1]")).containsExactly("NOT_AN_OBJECT / [] QMP input must be a JSON object".replace("/ ", " "));
    assertThat(violations("{\"id\": 1}")).containsExactly("MISSING_EXECUTE /execute [] QMP input lacks member 'execute'");
    assertThat(violations("{\"execute\": \"ping\", \"foo\": 1}"))
        .containsExactly("UNEXPECTED_ENVELOPE_MEMBER /foo [] QMP input member 'foo' is unexpected");
    assertThat(violations("{\"execute\": 1}"))
        .containsExactly("EXECUTE_NOT_A_STRING /execute [] QMP input member 'execute' must be a string");
    assertThat(violations("{\"execute\": \"ping\", \"arguments\": []}"))
        .containsExactly("ARGUMENTS_NOT_AN_OBJECT /arguments [] QMP input member 'arguments' must be an object");
    assertThat(violations("{\"execute\": \"nope\"}"))
        .containsExactly("UNKNOWN_COMMAND /execute [] The command nope has not been found");
    assertThat(violations("{\"exec-oob\": \"ping\"}"))
        .containsExactly("OOB_NOT_SUPPORTED /exec-oob [] The command ping does not support OOB");
    assertThat(violations("{\"exec-oob\": \"fast-cmd\"}")).isEmpty();
    assertThat(violations("{\"execute\": \"ping\", \"exec-oob\": \"ping\"}"))
        .containsExactly("EXECUTE_CLASH /execute [] QMP input member 'execute' clashes with 'exec-oob'");
    assertThat(violations("{\"execute\": \"ping\"} x")).singleElement().asString()
        .startsWith("JSON_PARSE_ERROR  [] JSON parse error, ");
    assertThat(violations("{\"execute\": \"ping\", \"execute\": \"ping\"}")).singleElement().asString()
        .isEqualTo("JSON_PARSE_ERROR  [] JSON parse error, duplicate key \"execute\" (line 1, column 30)");
  }

  @Test
  void repliesAreCheckedAgainstTheCommandTheyAnswer() {
    assertThat(violations(VALIDATOR.validate("{\"return\": {\"b\": [{\"c\": 1}]}, \"id\": 7}", "frob"))).isEmpty();
    assertThat(violations(VALIDATOR.validate("{\"return\": {\"b\": [{\"c\": \"x\", \"new\": 1}]}}", "frob")))
        .containsExactly(
            "INVALID_TYPE /return/b/0/c [return.b[0].c] Invalid parameter type for 'return.b[0].c', expected: integer",
            "UNEXPECTED_MEMBER /return/b/0/new [return.b[0].new] Parameter 'return.b[0].new' is unexpected");
    QmpValidator lenient = QmpValidator.builder(SCHEMA).lenientOutput(true).build();
    assertThat(violations(lenient.validate("{\"return\": {\"b\": [{\"c\": 1, \"new\": 1}]}}", "frob"))).isEmpty();
    assertThat(violations(VALIDATOR.validate("{\"return\": {}}", "ping"))).isEmpty();
    assertThat(violations(VALIDATOR.validate("{\"return\": {\"x\": 1}}", "ping")))
        .containsExactly("UNEXPECTED_MEMBER /return/x [return.x] Parameter 'return.x' is unexpected");
    assertThat(violations(VALIDATOR.validate("{\"error\": {\"class\": \"GenericError\", \"desc\": \"no\"}, \"id\": 1}"))).isEmpty();
    assertThat(violations(VALIDATOR.validate("{\"error\": {\"class\": \"GenericError\"}, \"x\": 1}"))).containsExactly(
        "UNEXPECTED_ENVELOPE_MEMBER /x [] Error reply member 'x' is unexpected",
        "MALFORMED_ENVELOPE /error/desc [] Member 'error.desc' must be a string");
  }

  @Test
  void eventsAndTimestamps() {
    String ts = "\"timestamp\": {\"seconds\": 1, \"microseconds\": 2}";
    assertThat(violations("{\"event\": \"FROBBED\", \"data\": {\"mode\": \"fast\"}, " + ts + "}")).isEmpty();
    assertThat(violations("{\"event\": \"PINGED\", " + ts + "}")).isEmpty();
    assertThat(violations("{\"event\": \"FROBBED\", \"data\": {\"mode\": \"x\"}, \"timestamp\": {\"seconds\": 1}}"))
        .containsExactly(
            "MALFORMED_ENVELOPE /timestamp/microseconds [] Member 'timestamp.microseconds' must be an integer",
            "INVALID_ENUM_VALUE /data/mode [data.mode] Parameter 'mode' does not accept value 'x'");
    assertThat(violations("{\"event\": \"NOPE\", " + ts + "}"))
        .containsExactly("UNKNOWN_EVENT /event [] The event NOPE is not defined by the schema");
    assertThat(violations("{\"event\": \"PINGED\", \"data\": {}, " + ts + "}"))
        .containsExactly("UNEXPECTED_ENVELOPE_MEMBER /data [] Event PINGED has no data, but member 'data' is present");
  }

  @Test
  void compatPolicyFlagsDeprecatedAndUnstableInput() {
    QmpValidator reject = QmpValidator.builder(SCHEMA)
        .compatPolicy(new CompatPolicy(CompatPolicy.Action.REJECT, CompatPolicy.Action.WARN)).build();

    assertThat(violations(reject.validate("{\"execute\": \"old-cmd\"}")))
        .containsExactly("DEPRECATED /execute [] Deprecated command old-cmd disabled by policy");
    ValidationResult r = reject.validate(frob("\"a\": {\"b\": [{\"c\": 1, \"e\": 5}]}, \"mode\": \"old\""));
    assertThat(violations(r)).containsExactly(
        "UNSTABLE /arguments/a/b/0/e [a.b[0].e] Unstable parameter e accepted by policy",
        "DEPRECATED /arguments/mode [mode] Deprecated value old disabled by policy");
    assertThat(r.violations()).extracting(Violation::severity).containsExactly(Severity.WARNING, Severity.ERROR);
    assertThat(violations(VALIDATOR.validate("{\"execute\": \"old-cmd\"}"))).isEmpty();
  }

  @Test
  void violationsNameTheSchemaElementTheyBroke() {
    Violation v = VALIDATOR.validate(frob("\"a\": {\"b\": [{}]}, \"mode\": \"slow\"")).violations().get(0);

    assertThat(v.element()).isNotNull();
    assertThat(v.element().definition()).isEqualTo("struct 'Inner'");
    assertThat(v.element().member()).isEqualTo("c");
    assertThat(v.element().location().line()).isEqualTo(6);
  }

  @Test
  void inputKindsAllGiveTheSameVerdict() {
    String json = frob("\"a\": {\"b\": []}, \"mode\": \"bogus\"");
    ValidationResult fromString = VALIDATOR.validate(json);

    assertThat(VALIDATOR.validate(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(fromString);
    assertThat(VALIDATOR.validate(new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
        .isEqualTo(fromString);
    assertThat(fromString.valid()).isFalse();
  }

  @Test
  void aStreamIsReadToItsEndAndLeftOpen() {
    boolean[] closed = {false};
    java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(
        "{\"execute\": \"ping\"} ".getBytes(StandardCharsets.UTF_8)) {
      @Override
      public void close() {
        closed[0] = true;
      }
    };

    assertThat(VALIDATOR.validate(in).valid()).isTrue();
    assertThat(in.available()).isZero();
    assertThat(closed[0]).isFalse();
  }
}
