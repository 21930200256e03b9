package io.qapi4j.validator.capture;

import io.qapi4j.validator.MessageKind;
import io.qapi4j.validator.QemuJson;
import io.qapi4j.validator.QmpValidator;
import io.qapi4j.validator.Severity;
import io.qapi4j.validator.ViolationCode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Why a finding in the corpus is there, each class with the check that shows it (explained in
 * {@code testdata/corpus-findings.md}). A finding no check accepts is unexplained.
 */
enum CorpusFindingClass {

  /** The value is a word the iotests filters wrote in place of the real one ("SECS", "IMGFMT"). */
  PLACEHOLDER("placeholder"),
  /** A deliberate mistake (a test's negative case, libvirt's probe): QEMU's error reply to it
   *  says the same words. */
  QEMU_REJECTED_TOO("qemu-rejected-too"),
  /** iotests.py logged a key with '-' that was sent with '_' (its ordered_qmp() rewrites the keys
   *  of objects directly inside arrays): the same member is both missing and unexpected. */
  LOGGED_KEY_REWRITTEN("logged-key-rewritten"),
  /** The expected output was recorded before the schema changed: clean against the schema of
   *  that time. */
  OUTPUT_PREDATES_SCHEMA("output-predates-schema"),
  /** libvirt's hand-inserted reply comes from a newer QEMU than the capture's: clean against
   *  that QEMU's schema. */
  REPLY_FROM_NEWER_QEMU("reply-from-newer-qemu"),
  /** A reply whose command the test did not log (iotests log some traffic, not all). */
  PARTIAL_LOG("partial-log"),
  /** {@code quit} may get no reply: QEMU exits first. */
  QUIT_UNANSWERED("quit-unanswered");

  /** The name used in the golden file and in {@code corpus-findings.md}. */
  final String label;

  CorpusFindingClass(String label) {
    this.label = label;
  }

  /** The strings the iotests filters write in place of values (common.filter, iotests.py). */
  private static final Set<String> PLACEHOLDERS =
      Set.of("SECS", "USECS", "LEN", "OFFSET", "IMGFMT", "NODE_NAME", "FILTERED");

  /** The release whose schema was current when a capture's output was recorded. */
  private static final Map<String, String> RECORDED_WITH = Map.of(
      // 191.out last changed 2025-02-06 (aec81049c2), during 10.0's development.
      "iotests/191.out", "v10.0.0");

  private static final Map<String, QmpValidator> VALIDATORS = new ConcurrentHashMap<>();

  /** The release a hand-inserted reply must come from (members since 5.0). */
  private static final String NEWER_QEMU = "v5.0.0";

  /** The class of {@code f}, found in {@code capture}, or {@code null} if none explains it. */
  static @Nullable CorpusFindingClass of(CorpusCaptures.Validated capture, CaptureFinding f) {
    for (CorpusFindingClass c : values()) {
      if (c.explains(capture, f)) {
        return c;
      }
    }
    return null;
  }

  private boolean explains(CorpusCaptures.Validated capture, CaptureFinding f) {
    ViolationCode code = f.violation().code();
    Severity severity = f.violation().severity();
    return switch (this) {
      case PLACEHOLDER -> isPlaceholder(valueAt(capture, f));
      case QEMU_REJECTED_TOO -> f.message().kind().isCommand()
          && f.violation().message().equals(errorReplyTo(capture, f));
      case LOGGED_KEY_REWRITTEN -> hasRewrittenTwin(capture, f);
      case OUTPUT_PREDATES_SCHEMA -> RECORDED_WITH.containsKey(capture.capture().file())
          && isOutput(f) && cleanAgainst(capture, f, RECORDED_WITH.get(capture.capture().file()));
      case REPLY_FROM_NEWER_QEMU -> capture.capture().style() == CorpusCaptures.Style.LIBVIRT
          && f.message().kind() == MessageKind.SUCCESS_REPLY && answersHandInsertedCommand(capture, f)
          && cleanAgainst(capture, f, NEWER_QEMU);
      case PARTIAL_LOG -> capture.summary().format().isLog()
          && code == ViolationCode.UNEXPECTED_REPLY && severity == Severity.WARNING;
      case QUIT_UNANSWERED -> code == ViolationCode.UNANSWERED_COMMAND
          && severity == Severity.INFO && "quit".equals(f.message().name());
    };
  }

  private static JsonNode parse(CapturedMessage m) {
    return QemuJson.MAPPER.readTree(m.json());
  }

  private static @Nullable JsonNode valueAt(CorpusCaptures.Validated capture, CaptureFinding f) {
    if (f.violation().pointer().isEmpty()) {
      return null;
    }
    JsonNode v = parse(capture.message(f)).at(f.violation().pointer());
    return v.isMissingNode() ? null : v;
  }

  private static boolean isPlaceholder(@Nullable JsonNode value) {
    return value != null && value.isString() && PLACEHOLDERS.contains(value.asString());
  }

  /** The desc of the error reply that answers the command {@code f} is about, if it is one. */
  private static @Nullable String errorReplyTo(CorpusCaptures.Validated capture,
      CaptureFinding f) {
    for (int i = (int) f.message().index() + 1; i < capture.messages().size(); i++) {
      Envelope e = capture.messages().get(i).envelope();
      if (e.kind() == MessageKind.SUCCESS_REPLY) {
        return null;
      }
      if (e.kind() == MessageKind.ERROR_REPLY) {
        return e.errorDesc();
      }
    }
    return null;
  }

  /**
   * Whether {@code f} is one of a pair on the same member, missing as {@code a_b} and unexpected
   * as {@code a-b}, in an object directly inside an array.
   */
  private static boolean hasRewrittenTwin(CorpusCaptures.Validated capture, CaptureFinding f) {
    ViolationCode code = f.violation().code();
    if (code != ViolationCode.MISSING_MEMBER && code != ViolationCode.UNEXPECTED_MEMBER) {
      return false;
    }
    String pointer = f.violation().pointer();
    int slash = pointer.lastIndexOf('/');
    String parent = pointer.substring(0, slash);
    String key = pointer.substring(slash + 1);
    String twinKey = code == ViolationCode.MISSING_MEMBER ? key.replace('_', '-')
        : key.replace('-', '_');
    ViolationCode twinCode = code == ViolationCode.MISSING_MEMBER
        ? ViolationCode.UNEXPECTED_MEMBER : ViolationCode.MISSING_MEMBER;
    boolean twin = !twinKey.equals(key) && capture.findings().stream().anyMatch(g ->
        g.message().index() == f.message().index() && g.violation().code() == twinCode
            && g.violation().pointer().equals(parent + "/" + twinKey));
    String grandParent = parent.substring(0, Math.max(0, parent.lastIndexOf('/')));
    return twin && parse(capture.message(f)).at(grandParent).isArray();
  }

  private static boolean isOutput(CaptureFinding f) {
    MessageKind k = f.message().kind();
    return k == MessageKind.SUCCESS_REPLY || k == MessageKind.EVENT;
  }

  /** Whether the message {@code f} is about validates clean against release {@code version}. */
  private static boolean cleanAgainst(CorpusCaptures.Validated capture, CaptureFinding f,
      String version) {
    CapturedMessage m = capture.message(f);
    return VALIDATORS.computeIfAbsent(version, v -> QmpValidator.of(CorpusCaptures.release(v)))
        .validate(m.json(), m.direction(), f.message().name()).valid();
  }

  /** Whether the reply follows a command written with 4-space indents, unlike libvirt's own. */
  private static boolean answersHandInsertedCommand(CorpusCaptures.Validated capture,
      CaptureFinding f) {
    int index = (int) f.message().index();
    if (index == 0) {
      return false;
    }
    CapturedMessage command = capture.messages().get(index - 1);
    return command.envelope().kind().isCommand()
        && new String(command.json(), StandardCharsets.UTF_8).contains("\n    \"execute\"");
  }
}
