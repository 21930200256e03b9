package io.qapi4j.validator;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.model.Schema;
import io.qapi4j.model.read.SchemaReader;
import io.qapi4j.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The native engine's violations, compared exactly with the golden file {@code
 * src/test/resources/golden/messages.txt}: messages against {@code testdata/validator/golden.json}
 * and, indented below each, every violation as {@code SEVERITY CODE pointer [path] message}.
 * After an intended change, regenerate it with {@code -Dqapi4j.updateGolden=true} and review the
 * diff.
 *
 * <p>File syntax: {@code #} comments and blank lines are kept; {@code -> JSON} is client input,
 * {@code <- JSON} server output, {@code <- reply to NAME: JSON} the reply to command NAME, {@code
 * value TYPE: JSON} a bare value of TYPE, {@code ?? TEXT} text of unknown direction (parse errors);
 * {@code @validator key=value...} configures the validator for the messages after it ({@code
 * protocol=qmp|qga}, {@code lenient=true}, {@code deprecated=} and {@code unstable=accept|warn|reject}).
 */
class GoldenMessagesTest {

  private static final Path GOLDEN =
      SharedData.projectRoot().resolve("validator/src/test/resources/golden/messages.txt");
  private static final Schema SCHEMA =
      SchemaReader.compat().read(SharedData.testdata("validator/golden.json")).orElseThrow();

  /** Codes only sessions (a command and its reply, the protocol's order) can give. */
  private static final Set<ViolationCode> SESSION_CODES =
      EnumSet.of(ViolationCode.UNANSWERED_COMMAND, ViolationCode.PROTOCOL_ORDER);

  /** QEMU's message formats (qapi-language.md §8, §10, §11; qapi/qobject-input-visitor.c, qapi/qmp-dispatch.c). */
  private static final List<String> QEMU_FORMATS = List.of(
      "Parameter '[^']+' is missing",
      "Parameter '[^']+' is unexpected",
      "Invalid parameter type for '[^']+', expected: (string|integer|number|boolean|null|object|array)",
      "Invalid parameter type for '[^']+', expected: [A-Z]\\w*",
      "Parameter '[^']+' expects u?int(8|16|32)_t",
      "Parameter '[^']+' expects uint64",
      "Parameter '[^']+' does not accept value '[^']*'",
      "QMP input must be a JSON object",
      "QMP input member '[^']+' is unexpected",
      "QMP input lacks member 'execute'",
      "QMP input member '(execute|exec-oob)' must be a string",
      "QMP input member 'arguments' must be an object",
      "QMP input member 'execute' clashes with 'exec-oob'",
      "The command \\S+ does not support OOB",
      "The command \\S+ has not been found",
      "Deprecated (command|parameter|value) \\S+ disabled by policy",
      "Unstable (command|parameter|value) \\S+ disabled by policy",
      "JSON parse error, .*");

  @Test
  void nativeViolationsMatchTheGoldenFile() throws IOException {
    String expected = Files.readString(GOLDEN, StandardCharsets.UTF_8);
    String actual = regenerate(expected);
    if (Boolean.getBoolean("qapi4j.updateGolden")) {
      Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).as("golden file %s (regenerate with -Dqapi4j.updateGolden=true)", GOLDEN)
        .isEqualTo(expected);
  }

  @Test
  void theGoldenFileCoversEveryCodeAndEveryQemuMessage() throws IOException {
    List<String> violations = Files.readAllLines(GOLDEN, StandardCharsets.UTF_8).stream()
        .filter(l -> l.startsWith("  ")).map(String::strip).toList();
    Set<ViolationCode> codes = EnumSet.noneOf(ViolationCode.class);
    violations.forEach(l -> codes.add(ViolationCode.valueOf(l.split(" ")[1])));

    assertThat(codes).isEqualTo(EnumSet.complementOf(EnumSet.copyOf(SESSION_CODES)));
    for (String format : QEMU_FORMATS) {
      Pattern p = Pattern.compile("\\S+ \\S+ \\S+ \\[.*\\] " + format);
      assertThat(violations).as("a violation in QEMU's words: %s", format)
          .anyMatch(l -> p.matcher(l).matches());
    }
  }

  /** The golden file's text with every violation block recomputed. */
  private static String regenerate(String golden) {
    StringBuilder out = new StringBuilder();
    QmpValidator validator = QmpValidator.of(SCHEMA);
    for (String line : golden.split("\n", -1)) {
      if (line.startsWith("  ")) {
        continue;
      }
      out.append(line).append('\n');
      if (line.startsWith("@validator")) {
        validator = configured(line);
      } else if (!line.isBlank() && !line.startsWith("#")) {
        for (Violation v : validate(validator, line).violations()) {
          out.append("  ").append(v.severity()).append(' ').append(v.code()).append(' ')
              .append(v.pointer().isEmpty() ? "/" : v.pointer()).append(" [").append(v.path())
              .append("] ").append(v.message()).append('\n');
        }
      }
    }
    return out.substring(0, out.length() - 1);
  }

  private static QmpValidator configured(String line) {
    QmpValidator.Builder b = QmpValidator.builder(SCHEMA);
    CompatPolicy.Action deprecated = CompatPolicy.Action.ACCEPT;
    CompatPolicy.Action unstable = CompatPolicy.Action.ACCEPT;
    for (String setting : line.substring("@validator".length()).strip().split("\\s+")) {
      if (setting.isEmpty()) {
        continue;
      }
      String[] kv = setting.split("=", 2);
      switch (kv[0]) {
        case "protocol" -> b.protocol(Protocol.valueOf(kv[1].toUpperCase()));
        case "lenient" -> b.lenientOutput(Boolean.parseBoolean(kv[1]));
        case "deprecated" -> deprecated = CompatPolicy.Action.valueOf(kv[1].toUpperCase());
        case "unstable" -> unstable = CompatPolicy.Action.valueOf(kv[1].toUpperCase());
        default -> throw new IllegalArgumentException("unknown setting " + setting);
      }
    }
    return b.compatPolicy(new CompatPolicy(deprecated, unstable)).build();
  }

  private static ValidationResult validate(QmpValidator validator, String line) {
    if (line.startsWith("??")) {
      return validator.validate(line.length() > 3 ? line.substring(3) : "");
    }
    int colon = line.indexOf(": ");
    boolean named = line.startsWith("<- reply to ") || line.startsWith("value ");
    String json = named ? line.substring(colon + 2) : line.substring(3);
    MessageParser.Parsed parsed = MessageParser.parse(json);
    if (parsed.node() == null) {
      throw new IllegalArgumentException("not JSON (use ?? for parse errors): " + line);
    }
    if (line.startsWith("-> ")) {
      return validator.validate(parsed.node(), Direction.CLIENT, null);
    }
    if (line.startsWith("<- reply to ")) {
      return validator.validate(parsed.node(), Direction.SERVER,
          line.substring("<- reply to ".length(), colon));
    }
    if (line.startsWith("<- ")) {
      return validator.validate(parsed.node(), Direction.SERVER, null);
    }
    if (line.startsWith("value ")) {
      return validator.validateType(line.substring("value ".length(), colon), parsed.node());
    }
    throw new IllegalArgumentException("unknown line: " + line);
  }
}
