package io.qapi4j.jsonschema;

import io.qapi4j.model.Command;
import io.qapi4j.model.EnumType;
import io.qapi4j.model.Event;
import io.qapi4j.model.ObjectType;
import io.qapi4j.model.StructType;
import io.qapi4j.model.UnionType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The message schemas of the QMP / QGA wire protocol (qapi-language.md §10, §11): one per command
 * ({@code command:NAME}, with its {@code arguments}, {@code returns} and {@code reply}), one per
 * event ({@code event:NAME}, with its {@code data}), and the envelopes that dispatch on the command
 * or event name ({@code qmp:command}, {@code qmp:event}, ...).
 */
final class MessageSchemas {

  static final String COMMAND = "command:";
  static final String EVENT = "event:";
  static final String TIMESTAMP = "qmp:timestamp";

  private final Context cx;

  MessageSchemas(Context cx) {
    this.cx = cx;
  }

  /** The message that executes {@code c}, with {@code arguments}, {@code returns}, {@code reply}. */
  ObjectNode command(Command c) {
    String key = COMMAND + c.name();
    boolean oob = c.allowOob() && cx.protocol == Protocol.QMP;
    ObjectNode n = cx.obj();
    cx.describe(n, cx.docIndex.body(c));
    cx.features(n, c.features());
    cx.condition(n, c.condition());
    n.put("type", "object");
    ObjectNode properties = n.putObject("properties");
    properties.putObject("execute").put("const", c.name());
    if (oob) {
      properties.putObject("exec-oob").put("const", c.name());
    }
    properties.set("arguments", cx.ref(key, "arguments"));
    properties.putObject("id");
    ArrayNode required = cx.arr();
    if (!oob) {
      required.add("execute");
    }
    if (argumentsRequired(c)) {
      required.add("arguments");
    }
    if (!required.isEmpty()) {
      n.set("required", required);
    }
    if (oob) {
      n.set("oneOf", cx.arr().add(nameIs("execute", c.name())).add(nameIs("exec-oob", c.name())));
    }
    n.put("additionalProperties", false);
    ObjectNode defs = n.putObject(cx.draft.defsKeyword());
    defs.set("arguments", arguments(c));
    defs.set("returns", returns(c));
    defs.set("reply", reply(c, key));
    return n;
  }

  private static boolean argumentsRequired(Command c) {
    if (!c.gen() || c.arguments() == null) {
      return false;
    }
    return c.arguments() instanceof UnionType
        || c.arguments().allMembers().stream().anyMatch(m -> !m.optional());
  }

  private ObjectNode arguments(Command c) {
    if (!c.gen()) {
      ObjectNode n = cx.obj();
      cx.describe(n, Optional.of(
          "'gen': false: QEMU does not unmarshal these arguments, so any object is accepted."));
      n.put("type", "object");
      return n;
    }
    return cx.ref(c.arguments() == null ? StructType.EMPTY_NAME : c.arguments().name());
  }

  private ObjectNode returns(Command c) {
    ObjectNode n = cx.typeRef(c.returns() == null ? StructType.EMPTY_NAME : c.returns().name(), true);
    cx.describe(n, cx.docIndex.section(c, "Returns"));
    return n;
  }

  private ObjectNode reply(Command c, String key) {
    ObjectNode n = cx.obj();
    if (!c.successResponse()) {
      cx.describe(n, Optional.of(
          "'success-response': false: a successful run sends no reply at all."));
      n.putObject("not");
      return n;
    }
    n.put("type", "object");
    ObjectNode properties = n.putObject("properties");
    properties.set("return", cx.ref(key, "returns"));
    properties.putObject("id");
    n.putArray("required").add("return");
    n.put("additionalProperties", false);
    return n;
  }

  /** The event message {@code e}, with its {@code data}. */
  ObjectNode event(Event e) {
    String key = EVENT + e.name();
    boolean hasData = hasData(e);
    ObjectNode n = cx.obj();
    cx.describe(n, cx.docIndex.body(e));
    cx.features(n, e.features());
    cx.condition(n, e.condition());
    n.put("type", "object");
    ObjectNode properties = n.putObject("properties");
    properties.putObject("event").put("const", e.name());
    if (hasData) {
      properties.set("data", cx.ref(key, "data"));
    }
    properties.set("timestamp", cx.ref(TIMESTAMP));
    ArrayNode required = n.putArray("required").add("event");
    if (hasData) {
      required.add("data");
    }
    required.add("timestamp");
    n.put("additionalProperties", false);
    if (hasData) {
      n.putObject(cx.draft.defsKeyword()).set("data", cx.typeRef(e.data().name(), true));
    }
    return n;
  }

  /** Whether QEMU sends {@code data}: for boxed events and non-empty data types (events.py). */
  private static boolean hasData(Event e) {
    ObjectType data = e.data();
    if (data == null) {
      return false;
    }
    return e.boxed() || data instanceof UnionType || !data.allMembers().isEmpty();
  }

  /** The envelopes of the protocol, by key, root message last. */
  Map<String, ObjectNode> envelopes() {
    Map<String, ObjectNode> out = new LinkedHashMap<>();
    String p = cx.protocol.prefix() + ":";
    out.put(p + "command", commandEnvelope());
    out.put(p + "reply", successReply());
    out.put(p + "error", errorReply());
    if (cx.protocol == Protocol.QMP) {
      out.put(TIMESTAMP, timestamp());
      out.put("qmp:event", eventEnvelope());
      out.put("qmp:greeting", greeting());
    }
    ObjectNode message = cx.obj();
    ArrayNode oneOf = message.putArray("oneOf");
    for (String k : List.copyOf(out.keySet())) {
      if (!k.equals(TIMESTAMP)) {
        oneOf.add(cx.ref(k));
      }
    }
    out.put(p + "message", message);
    return out;
  }

  /** The {@code timestamp} of events (also needed by a QGA export of a schema with events). */
  ObjectNode timestamp() {
    ObjectNode n = cx.obj();
    n.put("type", "object");
    ObjectNode properties = n.putObject("properties");
    properties.set("seconds", cx.ref("int64"));
    properties.set("microseconds", cx.ref("int64"));
    n.putArray("required").add("seconds").add("microseconds");
    n.put("additionalProperties", false);
    return n;
  }

  private ObjectNode commandEnvelope() {
    List<Command> commands = List.copyOf(cx.schema.commands().values());
    List<String> oob = cx.protocol == Protocol.QMP
        ? commands.stream().filter(Command::allowOob).map(Command::name).toList() : List.of();
    ObjectNode n = cx.obj();
    n.put("type", "object");
    ObjectNode properties = n.putObject("properties");
    ObjectNode names = properties.putObject("execute");
    names.put("type", "string");
    if (commands.isEmpty()) {
      names.putObject("not");
    } else {
      names.set("enum", cx.strings(commands.stream().map(Command::name).toList()));
    }
    if (!oob.isEmpty()) {
      ObjectNode oobNames = properties.putObject("exec-oob");
      oobNames.put("type", "string");
      oobNames.set("enum", cx.strings(oob));
    }
    properties.putObject("arguments").put("type", "object");
    properties.putObject("id");
    if (oob.isEmpty()) {
      n.putArray("required").add("execute");
    } else {
      ObjectNode viaExecute = cx.obj();
      viaExecute.put("type", "object");
      viaExecute.putObject("properties").set("execute", names.deepCopy());
      viaExecute.putArray("required").add("execute");
      ObjectNode viaOob = cx.obj();
      viaOob.put("type", "object");
      viaOob.putObject("properties").set("exec-oob", properties.get("exec-oob").deepCopy());
      viaOob.putArray("required").add("exec-oob");
      n.putArray("oneOf").add(viaExecute).add(viaOob);
    }
    n.put("additionalProperties", false);
    ArrayNode allOf = n.putArray("allOf");
    for (Command c : commands) {
      ObjectNode item = allOf.addObject();
      cx.condition(item, c.condition());
      if (c.allowOob() && !oob.isEmpty()) {
        item.putObject("if").putArray("anyOf")
            .add(nameIs("execute", c.name())).add(nameIs("exec-oob", c.name()));
      } else {
        item.set("if", nameIs("execute", c.name()));
      }
      item.set("then", cx.ref(COMMAND + c.name()));
    }
    if (commands.isEmpty()) {
      n.remove("allOf");
    }
    return n;
  }

  private ObjectNode successReply() {
    ObjectNode n = cx.obj();
    n.put("type", "object");
    ObjectNode properties = n.putObject("properties");
    properties.putObject("return");
    properties.putObject("id");
    n.putArray("required").add("return");
    n.put("additionalProperties", false);
    return n;
  }

  private ObjectNode errorReply() {
    ObjectNode n = cx.obj();
    n.put("type", "object");
    ObjectNode properties = n.putObject("properties");
    ObjectNode error = properties.putObject("error");
    error.put("type", "object");
    ObjectNode errorProperties = error.putObject("properties");
    EnumType classes = errorClassEnum();
    if (classes != null) {
      errorProperties.set("class", cx.ref(classes.name()));
    } else {
      errorProperties.putObject("class").put("type", "string");
    }
    errorProperties.putObject("desc").put("type", "string");
    error.putArray("required").add("class").add("desc");
    error.put("additionalProperties", false);
    properties.putObject("id");
    n.putArray("required").add("error");
    n.put("additionalProperties", false);
    return n;
  }

  /** {@code QapiErrorClass} (since 2.x; {@code ErrorClass} in 1.2 to 2.x), when the schema has it. */
  private @Nullable EnumType errorClassEnum() {
    for (String name : List.of("QapiErrorClass", "ErrorClass")) {
      if (cx.schema.typeOrNull(name) instanceof EnumType e) {
        return e;
      }
    }
    return null;
  }

  private ObjectNode eventEnvelope() {
    List<Event> events = List.copyOf(cx.schema.events().values());
    ObjectNode n = cx.obj();
    n.put("type", "object");
    ObjectNode properties = n.putObject("properties");
    ObjectNode names = properties.putObject("event");
    names.put("type", "string");
    if (events.isEmpty()) {
      // Before QEMU 1.7 (most events until 2.1) events were not in the schema, yet QEMU sent them.
      cx.describe(names, Optional.of("The schema defines no events: any event name is accepted."));
    } else {
      names.set("enum", cx.strings(events.stream().map(Event::name).toList()));
    }
    properties.putObject("data").put("type", "object");
    properties.set("timestamp", cx.ref(TIMESTAMP));
    n.putArray("required").add("event").add("timestamp");
    n.put("additionalProperties", false);
    if (!events.isEmpty()) {
      ArrayNode allOf = n.putArray("allOf");
      for (Event e : events) {
        ObjectNode item = allOf.addObject();
        cx.condition(item, e.condition());
        item.set("if", nameIs("event", e.name()));
        item.set("then", cx.ref(EVENT + e.name()));
      }
    }
    return n;
  }

  private ObjectNode greeting() {
    ObjectNode n = cx.obj();
    n.put("type", "object");
    ObjectNode qmp = n.putObject("properties").putObject("QMP");
    qmp.put("type", "object");
    ObjectNode properties = qmp.putObject("properties");
    if (cx.schema.typeOrNull("VersionInfo") instanceof StructType) {
      properties.set("version", cx.typeRef("VersionInfo", true));
    } else {
      properties.putObject("version").put("type", "object");
    }
    ObjectNode capabilities = properties.putObject("capabilities");
    capabilities.put("type", "array");
    if (cx.schema.typeOrNull("QMPCapability") instanceof EnumType) {
      capabilities.set("items", cx.ref("QMPCapability"));
    } else {
      capabilities.putObject("items").put("type", "string");
    }
    qmp.putArray("required").add("version").add("capabilities");
    if (!cx.lenientOutput) {
      qmp.put("additionalProperties", false);
    }
    n.putArray("required").add("QMP");
    n.put("additionalProperties", false);
    return n;
  }

  /** {@code {"type":"object","properties":{MEMBER:{"const":NAME}},"required":[MEMBER]}}. */
  private ObjectNode nameIs(String member, String name) {
    ObjectNode n = cx.obj();
    n.put("type", "object");
    n.putObject("properties").putObject(member).put("const", name);
    n.putArray("required").add(member);
    return n;
  }
}
