package io.qapi4j.validator;

import com.networknt.schema.Error;
import io.qapi4j.model.AlternateType;
import io.qapi4j.model.Member;
import io.qapi4j.model.Schema;
import io.qapi4j.model.UnionType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Maps networknt's errors to the native engine's codes, JSON Pointers and QEMU-style paths, as far
 * as the keyword and instance location allow. The verdict is networknt's own: only errors that
 * echo another one are dropped, never the last error of an invalid message.
 *
 * <p>The echoes: an alternate ({@code oneOf}) reports every branch's failure, and "0 are valid";
 * only the branch the value's JSON kind selects is kept, as QEMU does (or the {@code oneOf} error
 * alone when no branch takes that kind). A flat union's branch that fails (a member missing or
 * wrong) leaves its members "not evaluated", so {@code unevaluatedProperties} reports them as
 * unknown; members of the selected branch are dropped, as are all of them when the discriminator
 * selects no branch (QEMU reports the discriminator then, not the members). A value of the wrong
 * JSON type for an enum is reported once, as a type error. The message-level {@code oneOf}
 * between {@code execute} and {@code exec-oob} repeats the envelope's own errors, but for "lacks
 * member 'execute'" and the clash of both.
 */
final class NetworkntErrors {
  private NetworkntErrors() {}

  /**
   * Maps the errors of one message.
   *
   * @param message the message, or for a bare value the value
   * @param bare whether {@code message} is a bare value (all payload, no envelope)
   * @param payload the message's payload and its type, when the message has one the schema knows
   */
  static List<Violation> toViolations(List<Error> errors, JsonNode message, boolean bare,
      MessageKind kind, @Nullable String name, Schema schema, @Nullable PayloadTypes payload) {
    Set<Error> echoes = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<String> typeErrors = new HashSet<>();
    for (Error e : errors) {
      if (keyword(e).equals("type")) {
        typeErrors.add(schemaObject(e));
      }
    }
    for (Error e : errors) {
      String at = pointer(e);
      switch (keyword(e)) {
        case "oneOf" -> echoes.addAll(oneOfEchoes(e, at, bare, message, errors, payload));
        case "unevaluatedProperties" -> {
          if (isBranchEcho(e, at, payload)) {
            echoes.add(e);
          }
        }
        case "enum", "const" -> {
          // A value of the wrong JSON type is not in the enum either; QEMU says the former.
          if (typeErrors.contains(schemaObject(e))) {
            echoes.add(e);
          }
        }
        default -> { }
      }
    }
    List<Violation> out = new ArrayList<>();
    boolean keepAll = echoes.size() == errors.size();
    for (Error e : errors) {
      if (keepAll || !echoes.contains(e)) {
        out.add(toViolation(e, message, bare, kind, name, schema));
      }
    }
    return out;
  }

  private static List<Error> oneOfEchoes(Error oneOf, String at, boolean bare, JsonNode message,
      List<Error> errors, @Nullable PayloadTypes payload) {
    String branches = evaluationPath(oneOf) + "/";
    List<Error> echoes = new ArrayList<>();
    PayloadTypes.Located located = payload == null ? null : payload.locate(at);
    if (located != null && located.type() instanceof AlternateType a) {
      int taken = payload.alternateBranch(a, located.value());
      if (taken >= 0) {
        echoes.add(oneOf);
      }
      String keep = branches + taken + "/";
      for (Error e : errors) {
        String path = evaluationPath(e);
        if (path.startsWith(branches) && (taken < 0 || !path.startsWith(keep))) {
          echoes.add(e);
        }
      }
    } else if (!bare && at.isEmpty() && !message.isObject()) {
      // Not an object: every branch says so again.
      for (Error e : errors) {
        if (e == oneOf || evaluationPath(e).startsWith(branches)) {
          echoes.add(e);
        }
      }
    } else if (!bare && at.isEmpty()) {
      // The envelope's choice between execute and exec-oob: with exactly one of them present,
      // the branches repeat errors reported on it; with neither, one "lacks member 'execute'"
      // stays; with both, the oneOf error itself says they clash.
      int present = (message.has("execute") ? 1 : 0) + (message.has("exec-oob") ? 1 : 0);
      Error lacksExecute = null;
      for (Error e : errors) {
        if (evaluationPath(e).startsWith(branches)) {
          if (present == 0 && lacksExecute == null && "execute".equals(e.getProperty())) {
            lacksExecute = e;
          } else {
            echoes.add(e);
          }
        }
      }
      if (present != 2) {
        echoes.add(oneOf);
      }
    }
    return echoes;
  }

  /** Whether an unknown-member error names a member of the union branch selected, or of none. */
  private static boolean isBranchEcho(Error e, String at, @Nullable PayloadTypes payload) {
    PayloadTypes.Located located = payload == null ? null : payload.locate(at);
    if (located == null
        || !(payload.resolveAlternate(located.type(), located.value()) instanceof UnionType u)) {
      return false;
    }
    List<Member> members = payload.members(u, located.value());
    return members == null || members.stream().anyMatch(m -> m.name().equals(e.getProperty()));
  }

  private static Violation toViolation(Error e, JsonNode message, boolean bare, MessageKind kind,
      @Nullable String name, Schema schema) {
    String keyword = keyword(e);
    String pointer = pointer(e);
    String property = e.getProperty();
    boolean memberError = property != null;
    String memberPointer = memberError ? pointer + "/" + escape(property) : pointer;
    boolean envelope = !bare && (memberError ? payloadDepth(pointer) < 0
        : payloadDepth(pointer) < 0 || pointer.equals("/arguments"));
    ViolationCode code = switch (keyword) {
      case "required" -> envelope ? envelopeMissing(property, kind) : ViolationCode.MISSING_MEMBER;
      case "additionalProperties", "unevaluatedProperties", "false" ->
          envelope ? envelopeUnexpected(property, message) : ViolationCode.UNEXPECTED_MEMBER;
      case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" ->
          envelope ? ViolationCode.MALFORMED_ENVELOPE : ViolationCode.OUT_OF_RANGE;
      case "enum", "const" -> enumCode(pointer, kind, name, schema, envelope);
      case "oneOf", "anyOf" -> envelope && message.has("execute") && message.has("exec-oob")
          ? ViolationCode.EXECUTE_CLASH : ViolationCode.NO_ALTERNATE_BRANCH;
      case "not" -> kind == MessageKind.SUCCESS_REPLY ? ViolationCode.REPLY_NOT_EXPECTED
          : ViolationCode.UNEXPECTED_ENVELOPE_MEMBER;
      case "type" -> envelope ? envelopeType(pointer) : ViolationCode.INVALID_TYPE;
      default -> envelope ? ViolationCode.MALFORMED_ENVELOPE : ViolationCode.INVALID_TYPE;
    };
    // A member that is missing or unexpected is pointed at, as in the native engine.
    // QEMU reports the clash at 'execute' (its QDict order puts it first), as the native engine does.
    String where = code == ViolationCode.EXECUTE_CLASH ? "/execute" : memberPointer;
    return new Violation(where, envelope ? "" : qemuPath(where, bare), code, e.getMessage(),
        Severity.ERROR, null);
  }

  private static String keyword(Error e) {
    return e.getKeyword() == null ? "" : e.getKeyword();
  }

  /** The schema object and instance an error is about: its keyword's siblings share it. */
  private static String schemaObject(Error e) {
    String path = evaluationPath(e);
    return path.substring(0, Math.max(0, path.lastIndexOf('/'))) + " at " + pointer(e);
  }

  private static String evaluationPath(Error e) {
    return e.getEvaluationPath() == null ? "" : e.getEvaluationPath().toString();
  }

  private static ViolationCode envelopeMissing(@Nullable String property, MessageKind kind) {
    if ("execute".equals(property) || kind.isCommand() || kind == MessageKind.UNKNOWN) {
      return ViolationCode.MISSING_EXECUTE;
    }
    return ViolationCode.MALFORMED_ENVELOPE;
  }

  private static ViolationCode envelopeUnexpected(@Nullable String property, JsonNode message) {
    boolean clash = ("exec-oob".equals(property) && message.has("execute"))
        || ("execute".equals(property) && message.has("exec-oob"));
    return clash ? ViolationCode.EXECUTE_CLASH : ViolationCode.UNEXPECTED_ENVELOPE_MEMBER;
  }

  private static ViolationCode envelopeType(String pointer) {
    return switch (pointer) {
      case "" -> ViolationCode.NOT_AN_OBJECT;
      case "/execute", "/exec-oob" -> ViolationCode.EXECUTE_NOT_A_STRING;
      case "/arguments" -> ViolationCode.ARGUMENTS_NOT_AN_OBJECT;
      default -> ViolationCode.MALFORMED_ENVELOPE;
    };
  }

  private static ViolationCode enumCode(String pointer, MessageKind kind, @Nullable String name,
      Schema schema, boolean envelope) {
    if (pointer.equals("/execute") || pointer.equals("/exec-oob")) {
      boolean known = name != null && schema.command(name).isPresent();
      return kind == MessageKind.OOB_COMMAND && known ? ViolationCode.OOB_NOT_SUPPORTED
          : ViolationCode.UNKNOWN_COMMAND;
    }
    if (pointer.equals("/event")) {
      return ViolationCode.UNKNOWN_EVENT;
    }
    return envelope ? ViolationCode.MALFORMED_ENVELOPE : ViolationCode.INVALID_ENUM_VALUE;
  }

  private static final List<String> PAYLOADS =
      List.of("/arguments", "/return", "/data", "/QMP/version", "/QMP/capabilities");

  /**
   * How deep a pointer reaches into a payload ({@code /arguments}, {@code /return}, {@code
   * /data}, the greeting's {@code /QMP/version} and {@code /QMP/capabilities}): 0 at the payload
   * itself, -1 outside one.
   */
  private static int payloadDepth(String pointer) {
    for (String payload : PAYLOADS) {
      if (pointer.equals(payload)) {
        return 0;
      }
      if (pointer.startsWith(payload + "/")) {
        return pointer.length() - payload.length();
      }
    }
    return -1;
  }

  /** networknt's instance location ({@code /a/b}, or {@code $} for the root) as a JSON Pointer. */
  private static String pointer(Error e) {
    String location = e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString();
    return location.equals("$") ? "" : location;
  }

  private static String escape(String s) {
    return s.replace("~", "~0").replace("/", "~1");
  }

  /**
   * QEMU's dotted path for a pointer into a payload: {@code /arguments/a/b/2/c} → {@code
   * a.b[2].c}, {@code /return/0/x} → {@code return[0].x}; into a bare value ({@code bare}) from
   * its root, which is {@code <anonymous>}.
   */
  static String qemuPath(String pointer, boolean bare) {
    StringBuilder out = new StringBuilder();
    List<String> parts = PayloadTypes.segments(pointer);
    for (int i = 0; i < parts.size(); i++) {
      String p = parts.get(i);
      if (i == 0 && !bare && p.equals("arguments")) {
        continue;
      }
      if (!p.isEmpty() && p.chars().allMatch(Character::isDigit) && out.length() > 0) {
        out.append('[').append(p).append(']');
      } else {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(p);
      }
    }
    return out.isEmpty() ? "<anonymous>" : out.toString();
  }
}
