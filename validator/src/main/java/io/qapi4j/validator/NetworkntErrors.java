package io.qapi4j.validator;

import com.networknt.schema.Error;
import io.qapi4j.model.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Maps networknt's errors to the native engine's codes, JSON Pointers and QEMU-style paths, as far
 * as the keyword and instance location allow. The verdict is networknt's own.
 */
final class NetworkntErrors {
  private NetworkntErrors() {}

  static Violation toViolation(Error e, MessageKind kind, @Nullable String name, Schema schema) {
    String keyword = e.getKeyword() == null ? "" : e.getKeyword();
    String pointer = e.getInstanceLocation() == null ? "" : pointer(e.getInstanceLocation().toString());
    String property = e.getProperty();
    String memberPointer = property != null ? pointer + "/" + escape(property) : pointer;
    boolean envelope = depthBelowPayload(memberPointer) < 0;
    ViolationCode code = switch (keyword) {
      case "required" -> envelope ? envelopeMissing(property, kind) : ViolationCode.MISSING_MEMBER;
      case "additionalProperties", "unevaluatedProperties", "false" ->
          envelope ? ViolationCode.UNEXPECTED_ENVELOPE_MEMBER : ViolationCode.UNEXPECTED_MEMBER;
      case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" -> ViolationCode.OUT_OF_RANGE;
      case "enum", "const" -> enumCode(pointer, kind);
      case "oneOf", "anyOf" -> ViolationCode.NO_ALTERNATE_BRANCH;
      case "not" -> kind == MessageKind.SUCCESS_REPLY ? ViolationCode.REPLY_NOT_EXPECTED
          : ViolationCode.UNEXPECTED_ENVELOPE_MEMBER;
      case "type" -> envelope ? envelopeType(pointer) : ViolationCode.INVALID_TYPE;
      default -> envelope ? ViolationCode.MALFORMED_ENVELOPE : ViolationCode.INVALID_TYPE;
    };
    String where = code == ViolationCode.MISSING_MEMBER || code == ViolationCode.UNEXPECTED_MEMBER
        ? memberPointer : pointer;
    return new Violation(where, envelope ? "" : qemuPath(where), code, e.getMessage(),
        Severity.ERROR, null);
  }

  private static ViolationCode envelopeMissing(@Nullable String property, MessageKind kind) {
    if ("execute".equals(property) || kind.isCommand() || kind == MessageKind.UNKNOWN) {
      return ViolationCode.MISSING_EXECUTE;
    }
    return ViolationCode.MALFORMED_ENVELOPE;
  }

  private static ViolationCode envelopeType(String pointer) {
    return switch (pointer) {
      case "" -> ViolationCode.NOT_AN_OBJECT;
      case "/execute", "/exec-oob" -> ViolationCode.EXECUTE_NOT_A_STRING;
      case "/arguments" -> ViolationCode.ARGUMENTS_NOT_AN_OBJECT;
      default -> ViolationCode.MALFORMED_ENVELOPE;
    };
  }

  private static ViolationCode enumCode(String pointer, MessageKind kind) {
    if (pointer.equals("/execute") || pointer.equals("/exec-oob")) {
      return kind == MessageKind.OOB_COMMAND ? ViolationCode.OOB_NOT_SUPPORTED : ViolationCode.UNKNOWN_COMMAND;
    }
    if (pointer.equals("/event")) {
      return ViolationCode.UNKNOWN_EVENT;
    }
    return depthBelowPayload(pointer) < 0 ? ViolationCode.MALFORMED_ENVELOPE : ViolationCode.INVALID_ENUM_VALUE;
  }

  /** How deep a pointer reaches into a payload (arguments, return, data), or -1 outside one. */
  private static int depthBelowPayload(String pointer) {
    for (String payload : new String[] {"/arguments/", "/return", "/data/", "/QMP/version"}) {
      if (pointer.startsWith(payload)) {
        return pointer.length() - payload.length();
      }
    }
    return -1;
  }

  /** networknt's instance location ({@code /a/b} or {@code $.a.b}) as a JSON Pointer. */
  private static String pointer(String location) {
    if (location.equals("$") || location.isEmpty()) {
      return "";
    }
    return location;
  }

  private static String escape(String s) {
    return s.replace("~", "~0").replace("/", "~1");
  }

  /** QEMU's dotted path for a pointer into a payload: {@code /arguments/a/b/2/c} → {@code a.b[2].c}. */
  static String qemuPath(String pointer) {
    String[] parts = pointer.split("/", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].replace("~1", "/").replace("~0", "~");
      if (i == 1 && p.equals("arguments")) {
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
    return out.toString();
  }
}
