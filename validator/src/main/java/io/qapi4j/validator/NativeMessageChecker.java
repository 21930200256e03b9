package io.qapi4j.validator;

import io.qapi4j.model.Command;
import io.qapi4j.model.EnumType;
import io.qapi4j.model.Feature;
import io.qapi4j.model.QapiType;
import io.qapi4j.validator.checks.CompiledSchema;
import io.qapi4j.validator.checks.CompiledSchema.CommandChecks;
import io.qapi4j.validator.checks.CompiledSchema.EventChecks;
import io.qapi4j.validator.checks.TreeFallback;
import io.qapi4j.validator.checks.TypeCheck;
import io.qapi4j.validator.checks.Walk;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The native engine's message rules: QEMU's dispatcher checks for commands (in QEMU's words),
 * the reply, error, event and greeting envelopes QEMU writes, and the payload checks compiled
 * from the schema.
 */
final class NativeMessageChecker implements MessageChecker {

  private static final Set<String> REPLY_KEYS = Set.of("return", "id");
  private static final Set<String> ERROR_KEYS = Set.of("error", "id");
  private static final Set<String> EVENT_KEYS = Set.of("event", "data", "timestamp");
  private static final Set<String> ERROR_MEMBERS = Set.of("class", "desc");
  private static final Set<String> TIMESTAMP_MEMBERS = Set.of("seconds", "microseconds");
  private static final List<String> TIMESTAMP_PARTS = List.of("seconds", "microseconds");
  /** The arguments of a command sent without any; only ever read. */
  private static final ObjectNode NO_ARGUMENTS = MessageParser.FAST.createObjectNode();

  /**
   * A payload ({@code arguments}, {@code return} or {@code data}) checked already, straight from
   * the token stream: the message holds {@code placeholder} in its place, an empty node of its JSON
   * kind, and {@code violations} are what {@code check} found in it.
   */
  record Prechecked(JsonNode placeholder, TypeCheck check, List<Violation> violations) {}

  private final CompiledSchema compiled;
  private final Protocol protocol;
  private final boolean lenientOutput;
  private final CompatPolicy policy;
  private final @Nullable Set<String> errorClasses;
  private final @Nullable TypeCheck versionInfo;
  private final @Nullable TypeCheck capabilities;

  NativeMessageChecker(CompiledSchema compiled, Protocol protocol, boolean lenientOutput,
      CompatPolicy policy) {
    this.compiled = compiled;
    this.protocol = protocol;
    this.lenientOutput = lenientOutput;
    this.policy = policy;
    this.errorClasses = errorClasses(compiled);
    this.versionInfo = compiled.type("VersionInfo");
    this.capabilities = compiled.arrayOf("QMPCapability");
  }

  /** The error classes of the schema's error enum ({@code QapiErrorClass}, before 2.0 {@code ErrorClass}). */
  private static @Nullable Set<String> errorClasses(CompiledSchema compiled) {
    for (String name : List.of("QapiErrorClass", "ErrorClass")) {
      QapiType t = compiled.schema().typeOrNull(name);
      if (t instanceof EnumType e) {
        return Set.copyOf(e.valueNames());
      }
    }
    return null;
  }

  @Override
  public ValidationResult check(JsonNode message, Direction direction,
      @Nullable String inReplyTo) {
    return check(message, direction, inReplyTo, null);
  }

  /**
   * Checks {@code message}, whose payload may have been checked already ({@code pre}).
   *
   * @throws TreeFallback if the payload was checked against another type than the message needs
   */
  ValidationResult check(JsonNode message, Direction direction, @Nullable String inReplyTo,
      @Nullable Prechecked pre) {
    List<Violation> out = new ArrayList<>();
    MessageKind kind = MessageKinds.classify(message, protocol);
    if (direction == Direction.CLIENT && !kind.isCommand()) {
      // A server would read whatever a client sends as a (broken) command.
      kind = MessageKind.UNKNOWN;
    }
    JsonNode id = message.isObject() ? message.get("id") : null;
    String name = null;
    switch (kind) {
      case COMMAND, OOB_COMMAND, UNKNOWN -> {
        if (kind == MessageKind.UNKNOWN && direction != Direction.CLIENT && message.isObject()
            && !MessageKinds.looksLikeInput(message)) {
          envelope(out, "", ViolationCode.UNKNOWN_MESSAGE, protocol == Protocol.QMP
              ? "Message is not a command, reply, event or greeting"
              : "Message is not a command or reply");
        } else {
          name = command(message, out, pre);
        }
      }
      case SUCCESS_REPLY -> {
        name = inReplyTo;
        successReply(message, inReplyTo, out, pre);
      }
      case ERROR_REPLY -> {
        name = inReplyTo;
        errorReply(message, out);
      }
      case EVENT -> name = event(message, out, pre);
      case GREETING -> greeting(message, out);
    }
    return new ValidationResult(kind, name, id, out);
  }

  @Override
  public ValidationResult checkType(String type, JsonNode value) {
    TypeCheck check = compiled.type(type);
    if (check == null) {
      throw new IllegalArgumentException("the schema has no type '" + type + "'");
    }
    List<Violation> out = new ArrayList<>();
    check.check(value, new Walk("", null, true, true, policy, out), null);
    return new ValidationResult(MessageKind.UNKNOWN, type, null, out);
  }

  private static void envelope(List<Violation> out, String pointer, ViolationCode code, String message) {
    out.add(new Violation(pointer, "", code, message, Severity.ERROR, null));
  }

  // ---------------------------------------------------------------- commands

  /**
   * QEMU's {@code qmp_dispatch} and {@code qmp_dispatch_check_obj}, envelope members visited in
   * QEMU's {@link QDictOrder} when one is wrong; returns the command name.
   */
  private @Nullable String command(JsonNode message, List<Violation> out,
      @Nullable Prechecked pre) {
    if (!message.isObject()) {
      envelope(out, "", ViolationCode.NOT_AN_OBJECT, "QMP input must be a JSON object");
      return null;
    }
    // One pass for the common case, an envelope with nothing wrong; the order of the members
    // matters only when something is.
    String execKey = null;
    JsonNode nameNode = null;
    JsonNode args = null;
    for (Map.Entry<String, JsonNode> member : message.properties()) {
      String key = member.getKey();
      JsonNode value = member.getValue();
      if (isExecKey(key)) {
        if (!value.isString() || execKey != null) {
          return commandWithEnvelopeProblems(message, out);
        }
        execKey = key;
        nameNode = value;
      } else if (key.equals("arguments")) {
        if (!value.isObject()) {
          return commandWithEnvelopeProblems(message, out);
        }
        args = value;
      } else if (!key.equals("id")) {
        return commandWithEnvelopeProblems(message, out);
      }
    }
    if (execKey == null) {
      envelope(out, "/execute", ViolationCode.MISSING_EXECUTE, "QMP input lacks member 'execute'");
      return null;
    }
    String name = nameNode.asString();
    command(execKey, name, compiled.command(name), args, pre, out);
    return name;
  }

  /**
   * {@link #command(JsonNode, List, Prechecked)} for an envelope QEMU refuses: every problem
   * reported, the first the one QEMU reports; the arguments are not checked.
   */
  private @Nullable String commandWithEnvelopeProblems(JsonNode message, List<Violation> out) {
    String execKey = null;
    boolean clash = false;
    Collection<String> keys = message.size() > 1 ? QDictOrder.keys(message)
        : message.propertyNames();
    for (String key : keys) {
      JsonNode value = message.get(key);
      if (isExecKey(key)) {
        if (!value.isString()) {
          envelope(out, "/" + key, ViolationCode.EXECUTE_NOT_A_STRING,
              "QMP input member '" + key + "' must be a string");
        } else if (execKey != null) {
          envelope(out, "/" + key, ViolationCode.EXECUTE_CLASH,
              "QMP input member '" + key + "' clashes with '" + execKey + "'");
          clash = true;
        }
        if (execKey == null) {
          execKey = key;
        }
      } else if (key.equals("arguments")) {
        if (!value.isObject()) {
          envelope(out, "/arguments", ViolationCode.ARGUMENTS_NOT_AN_OBJECT,
              "QMP input member 'arguments' must be an object");
        }
      } else if (!key.equals("id")) {
        envelope(out, "/" + escape(key), ViolationCode.UNEXPECTED_ENVELOPE_MEMBER,
            "QMP input member '" + key + "' is unexpected");
      }
    }
    if (execKey == null) {
      envelope(out, "/execute", ViolationCode.MISSING_EXECUTE, "QMP input lacks member 'execute'");
      return null;
    }
    JsonNode nameNode = message.get(execKey);
    if (!nameNode.isString()) {
      return null;
    }
    String name = nameNode.asString();
    if (!clash) {
      // Which of the two members names a command that clashes is anyone's guess; QEMU stops there.
      CommandChecks checks = compiled.command(name);
      if (checks == null) {
        unknownCommand(execKey, name, out);
      } else {
        commandHeader(checks.command(), execKey, out);
      }
    }
    return name;
  }

  /**
   * The dispatcher's checks of command {@code name} named by member {@code execKey} of an envelope
   * with nothing wrong, {@code checks} its compiled checks if the schema has it, and its
   * arguments' check, {@code args} an object or absent.
   */
  void command(String execKey, String name, @Nullable CommandChecks checks,
      @Nullable JsonNode args, @Nullable Prechecked pre, List<Violation> out) {
    if (checks == null) {
      unknownCommand(execKey, name, out);
      return;
    }
    Command c = checks.command();
    commandHeader(c, execKey, out);
    if (c.gen() && (args != null || !checks.arguments().acceptsEmptyObject())) {
      checkPayload(args != null ? args : NO_ARGUMENTS, checks.arguments(), argumentsWalk(out),
          checks.element(), pre, out);
    }
  }

  private static void unknownCommand(String execKey, String name, List<Violation> out) {
    envelope(out, "/" + execKey, ViolationCode.UNKNOWN_COMMAND,
        "The command " + name + " has not been found");
  }

  /** Whether envelope member {@code key} names the command: {@code execute}, or in QMP {@code exec-oob}. */
  private boolean isExecKey(String key) {
    return key.equals("execute") || (protocol == Protocol.QMP && key.equals("exec-oob"));
  }

  /** What QEMU checks of a command it found before its arguments: OOB, the policy. */
  private void commandHeader(Command c, String execKey, List<Violation> out) {
    if (execKey.equals("exec-oob") && !c.allowOob()) {
      envelope(out, "/exec-oob", ViolationCode.OOB_NOT_SUPPORTED,
          "The command " + c.name() + " does not support OOB");
    }
    commandPolicy(c, execKey, out);
  }

  /** The walk over a command's arguments: client input, unknown members rejected. */
  Walk argumentsWalk(List<Violation> out) {
    return new Walk("/arguments", null, true, true, policy, out);
  }

  /** The walk over a reply's {@code return}: server output. */
  Walk returnWalk(List<Violation> out) {
    return new Walk("/return", "return", false, !lenientOutput, policy, out);
  }

  /** The walk over an event's {@code data}: server output. */
  Walk dataWalk(List<Violation> out) {
    return new Walk("/data", "data", false, !lenientOutput, policy, out);
  }

  /** Checks a payload with {@code walk} over {@code out}, or takes what streaming found in it. */
  private static void checkPayload(JsonNode value, TypeCheck check, Walk walk,
      SchemaElement element, @Nullable Prechecked pre, List<Violation> out) {
    if (pre == null || value != pre.placeholder()) {
      check.check(value, walk, element);
    } else if (pre.check() == check) {
      out.addAll(pre.violations());
    } else {
      throw TreeFallback.INSTANCE;
    }
  }

  /** QEMU's dispatcher checks the command against the policy before its arguments. */
  private void commandPolicy(Command c, String execKey, List<Violation> out) {
    // The policy first: the default accepts everything, and looking up features costs.
    if (policy.deprecatedInput() != CompatPolicy.Action.ACCEPT
        && c.hasFeature(Feature.DEPRECATED)) {
      policyViolation(policy.deprecatedInput(), ViolationCode.DEPRECATED, execKey, c.name(), out);
    }
    if (policy.unstableInput() != CompatPolicy.Action.ACCEPT
        && c.hasFeature(Feature.UNSTABLE)) {
      policyViolation(policy.unstableInput(), ViolationCode.UNSTABLE, execKey, c.name(), out);
    }
  }

  private static void policyViolation(CompatPolicy.Action action, ViolationCode code,
      String execKey, String command, List<Violation> out) {
    if (action != CompatPolicy.Action.ACCEPT) {
      out.add(new Violation("/" + execKey, "", code,
          Walk.policyMessage(action, code, "command", command), Walk.severity(action), null));
    }
  }

  // ---------------------------------------------------------------- replies

  private void successReply(JsonNode message, @Nullable String inReplyTo, List<Violation> out,
      @Nullable Prechecked pre) {
    unexpectedKeys(message, REPLY_KEYS, "Reply", out);
    if (inReplyTo != null) {
      successReply(inReplyTo, compiled.command(inReplyTo), message.get("return"), pre, out);
    }
  }

  /**
   * The checks of {@code returned}, the {@code return} of a reply to command {@code inReplyTo},
   * whose compiled checks are {@code checks} if the schema has it.
   */
  void successReply(String inReplyTo, @Nullable CommandChecks checks, JsonNode returned,
      @Nullable Prechecked pre, List<Violation> out) {
    if (checks == null) {
      envelope(out, "", ViolationCode.UNEXPECTED_REPLY,
          "Reply to the command " + inReplyTo + ", which the schema does not define");
      return;
    }
    if (!checks.command().successResponse()) {
      envelope(out, "", ViolationCode.REPLY_NOT_EXPECTED, "The command " + inReplyTo
          + " sends no reply on success ('success-response': false)");
      return;
    }
    checkPayload(returned, checks.returns(), returnWalk(out), checks.element(), pre, out);
  }

  private void errorReply(JsonNode message, List<Violation> out) {
    unexpectedKeys(message, ERROR_KEYS, "Error reply", out);
    error(message.get("error"), out);
  }

  /** The checks of an error reply's {@code error} member. */
  void error(JsonNode error, List<Violation> out) {
    if (!error.isObject()) {
      envelope(out, "/error", ViolationCode.MALFORMED_ENVELOPE, "Member 'error' must be an object");
      return;
    }
    unexpectedKeys(error, ERROR_MEMBERS, "Error", out, "/error");
    JsonNode cls = error.get("class");
    if (cls == null || !cls.isString()) {
      envelope(out, "/error/class", ViolationCode.MALFORMED_ENVELOPE,
          "Member 'error.class' must be a string");
    } else if (errorClasses != null && !errorClasses.contains(cls.asString())) {
      envelope(out, "/error/class", ViolationCode.MALFORMED_ENVELOPE,
          "Error class '" + cls.asString() + "' is not one of " + errorClasses.stream().sorted()
              .collect(Collectors.joining(", ")));
    }
    JsonNode desc = error.get("desc");
    if (desc == null || !desc.isString()) {
      envelope(out, "/error/desc", ViolationCode.MALFORMED_ENVELOPE,
          "Member 'error.desc' must be a string");
    }
  }

  // ---------------------------------------------------------------- events, greeting

  private @Nullable String event(JsonNode message, List<Violation> out,
      @Nullable Prechecked pre) {
    unexpectedKeys(message, EVENT_KEYS, "Event", out);
    timestamp(message.get("timestamp"), out);
    JsonNode nameNode = message.get("event");
    if (!nameNode.isString()) {
      envelope(out, "/event", ViolationCode.MALFORMED_ENVELOPE, "Member 'event' must be a string");
      return null;
    }
    String name = nameNode.asString();
    event(name, compiled.event(name), message.get("data"), pre, out);
    return name;
  }

  /**
   * The checks of event {@code name}, whose compiled checks are {@code checks} if the schema has
   * it, and of its {@code data}.
   */
  void event(String name, @Nullable EventChecks checks, @Nullable JsonNode data,
      @Nullable Prechecked pre, List<Violation> out) {
    if (checks == null) {
      envelope(out, "/event", ViolationCode.UNKNOWN_EVENT,
          "The event " + name + " is not defined by the schema");
    } else if (checks.data() == null) {
      if (data != null) {
        envelope(out, "/data", ViolationCode.UNEXPECTED_ENVELOPE_MEMBER,
            "Event " + name + " has no data, but member 'data' is present");
      }
    } else if (data == null) {
      envelope(out, "/data", ViolationCode.MALFORMED_ENVELOPE,
          "Event " + name + " lacks member 'data'");
    } else {
      checkPayload(data, checks.data(), dataWalk(out), checks.element(), pre, out);
    }
  }

  /** The checks of an event's {@code timestamp} member, {@code null} if absent. */
  static void timestamp(@Nullable JsonNode ts, List<Violation> out) {
    if (ts == null) {
      envelope(out, "/timestamp", ViolationCode.MALFORMED_ENVELOPE, "Event lacks member 'timestamp'");
      return;
    }
    if (!ts.isObject()) {
      envelope(out, "/timestamp", ViolationCode.MALFORMED_ENVELOPE,
          "Member 'timestamp' must be an object");
      return;
    }
    unexpectedKeys(ts, TIMESTAMP_MEMBERS, "Timestamp", out, "/timestamp");
    for (String part : TIMESTAMP_PARTS) {
      JsonNode v = ts.get(part);
      if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
        envelope(out, "/timestamp/" + part, ViolationCode.MALFORMED_ENVELOPE,
            "Member 'timestamp." + part + "' must be an integer");
      }
    }
  }

  private void greeting(JsonNode message, List<Violation> out) {
    unexpectedKeys(message, Set.of("QMP"), "Greeting", out);
    JsonNode qmp = message.get("QMP");
    if (!qmp.isObject()) {
      envelope(out, "/QMP", ViolationCode.MALFORMED_ENVELOPE, "Member 'QMP' must be an object");
      return;
    }
    if (!lenientOutput) {
      unexpectedKeys(qmp, Set.of("version", "capabilities"), "Greeting", out, "/QMP");
    }
    JsonNode version = qmp.get("version");
    if (version == null) {
      envelope(out, "/QMP/version", ViolationCode.MALFORMED_ENVELOPE,
          "Greeting lacks member 'QMP.version'");
    } else if (versionInfo != null) {
      versionInfo.check(version, new Walk("/QMP/version", "QMP.version", false, !lenientOutput,
          policy, out), null);
    }
    JsonNode caps = qmp.get("capabilities");
    if (caps == null || !caps.isArray()) {
      envelope(out, "/QMP/capabilities", ViolationCode.MALFORMED_ENVELOPE,
          "Greeting lacks array member 'QMP.capabilities'");
    } else if (capabilities != null) {
      capabilities.check(caps, new Walk("/QMP/capabilities", "QMP.capabilities", false, true,
          policy, out), null);
    }
  }

  private static void unexpectedKeys(JsonNode obj, Set<String> allowed, String what,
      List<Violation> out) {
    unexpectedKeys(obj, allowed, what, out, "");
  }

  private static void unexpectedKeys(JsonNode obj, Set<String> allowed, String what,
      List<Violation> out, String pointer) {
    for (String key : obj.propertyNames()) {
      if (!allowed.contains(key)) {
        envelope(out, pointer + "/" + escape(key), ViolationCode.UNEXPECTED_ENVELOPE_MEMBER,
            what + " member '" + key + "' is unexpected");
      }
    }
  }

  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
