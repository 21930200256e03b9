package io.qapi4j.dsl;

import io.qapi4j.model.Command;
import io.qapi4j.model.Definition;
import io.qapi4j.model.Event;
import io.qapi4j.model.Member;
import io.qapi4j.model.ObjectType;
import io.qapi4j.model.Schema;
import io.qapi4j.model.UnionType;
import io.qapi4j.validator.Direction;
import io.qapi4j.validator.MessageKind;
import io.qapi4j.validator.Protocol;
import io.qapi4j.validator.QmpValidator;
import io.qapi4j.validator.SchemaElement;
import io.qapi4j.validator.ValidationResult;
import io.qapi4j.validator.Violation;
import io.qapi4j.validator.ViolationCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds QMP or QGA messages checked against a schema: each message is run through the
 * validator as it is built, and one that breaks the schema — a command or event the schema does
 * not have, a misspelt member, a missing one, a value of the wrong type — throws an {@link
 * InvalidMessageException} with the validator's words, on the line that built it.
 *
 * <pre>{@code
 * QapiMessages qmp = QapiMessages.qmp(schema);
 * QapiMessage add = qmp.execute("blockdev-add", c -> {
 *   c.id("add-1");
 *   c.put("options", o -> {
 *     o.put("driver", "qcow2");
 *     o.put("file", "disk0");
 *   });
 * });
 * send(add.toJson());
 * }</pre>
 *
 * <p>Immutable and thread-safe (the builders it hands to blocks are not).
 */
public final class QapiMessages {

  private final QmpValidator validator;

  private QapiMessages(QmpValidator validator) {
    this.validator = validator;
  }

  /** Messages of the QEMU Machine Protocol, checked against {@code schema}. */
  public static QapiMessages qmp(Schema schema) {
    return new QapiMessages(QmpValidator.of(schema));
  }

  /** Messages of the guest agent protocol, checked against {@code schema}. */
  public static QapiMessages qga(Schema schema) {
    return new QapiMessages(QmpValidator.forQga(schema));
  }

  /** Messages checked by {@code validator} (its protocol, engine and policy). */
  public static QapiMessages of(QmpValidator validator) {
    return new QapiMessages(validator);
  }

  /** The schema messages are checked against. */
  public Schema schema() {
    return validator.schema();
  }

  /** A command without arguments: {@code {"execute": COMMAND}}. */
  public QapiMessage execute(String command) {
    return command(command, false, null);
  }

  /** A command: {@code {"execute": COMMAND, "arguments": {...}}}. */
  public QapiMessage execute(String command, Block<CommandMessageBuilder> block) {
    return command(command, false, block);
  }

  /** An out-of-band command without arguments: {@code {"exec-oob": COMMAND}}. */
  public QapiMessage executeOob(String command) {
    return command(command, true, null);
  }

  /** An out-of-band command: {@code {"exec-oob": COMMAND, ...}} (QMP, {@code allow-oob}). */
  public QapiMessage executeOob(String command, Block<CommandMessageBuilder> block) {
    return command(command, true, block);
  }

  /** An event without data, timestamped now. */
  public QapiMessage event(String event) {
    return event(event, b -> { });
  }

  /** An event: {@code {"event": EVENT, "data": {...}, "timestamp": {...}}}. */
  public QapiMessage event(String event, Block<EventMessageBuilder> block) {
    EventMessageBuilder b = new EventMessageBuilder();
    block.configure(b);
    ObjectNode message = ObjectBuilder.NODES.objectNode();
    message.put("event", event);
    if (!b.isEmpty()) {
      message.set("data", b.node);
    }
    long[] ts = b.timestampOrNow();
    ObjectNode timestamp = message.putObject("timestamp");
    timestamp.put("seconds", ts[0]);
    timestamp.put("microseconds", ts[1]);
    return checked(MessageKind.EVENT, "event '" + event + "'", event, message, Direction.SERVER,
        null);
  }

  /** The success reply {@code {"return": {}}} to {@code command}. */
  public QapiMessage reply(String command) {
    return reply(command, b -> { });
  }

  /** A success reply to {@code command}, whose return value is checked against its type. */
  public QapiMessage reply(String command, Block<ReplyBuilder> block) {
    ReplyBuilder b = new ReplyBuilder();
    block.configure(b);
    ObjectNode message = ObjectBuilder.NODES.objectNode();
    message.set("return", b.returnValue());
    if (b.messageId() != null) {
      message.set("id", b.messageId());
    }
    return checked(MessageKind.SUCCESS_REPLY, "reply to '" + command + "'", command, message,
        Direction.SERVER, command);
  }

  /** An error reply: {@code {"error": {"class": CLASS, "desc": DESCRIPTION}}}. */
  public QapiMessage errorReply(String command, String errorClass, String description) {
    ObjectNode message = ObjectBuilder.NODES.objectNode();
    ObjectNode error = message.putObject("error");
    error.put("class", errorClass);
    error.put("desc", description);
    return checked(MessageKind.ERROR_REPLY, "error reply to '" + command + "'", command, message,
        Direction.SERVER, command);
  }

  private QapiMessage command(String command, boolean oob,
      @Nullable Block<CommandMessageBuilder> block) {
    CommandMessageBuilder b = new CommandMessageBuilder();
    if (block != null) {
      block.configure(b);
    }
    ObjectNode message = ObjectBuilder.NODES.objectNode();
    message.put(oob ? "exec-oob" : "execute", command);
    if (!b.isEmpty()) {
      message.set("arguments", b.node);
    }
    if (b.messageId() != null) {
      message.set("id", b.messageId());
    }
    return checked(oob ? MessageKind.OOB_COMMAND : MessageKind.COMMAND,
        "command '" + command + "'", command, message, Direction.CLIENT, null);
  }

  private QapiMessage checked(MessageKind kind, String what, String name, ObjectNode message,
      Direction direction, @Nullable String inReplyTo) {
    ValidationResult result = validator.validate(message, direction, inReplyTo);
    if (result.valid()) {
      return new QapiMessage(kind, name, message);
    }
    List<Violation> errors = result.errors();
    StringBuilder text = new StringBuilder("invalid ")
        .append(validator.protocol() == Protocol.QGA ? "QGA " : "QMP ")
        .append(what).append(':');
    for (Violation v : errors) {
      text.append("\n  ").append(v.pointer().isEmpty() ? "/" : v.pointer()).append(": ")
          .append(v.message()).append(hint(v, name));
    }
    text.append("\nin ").append(message);
    throw new InvalidMessageException(text.toString(), errors, message);
  }

  /** A "did you mean" for a misspelt command, event or member name. */
  private String hint(Violation v, String name) {
    Schema schema = validator.schema();
    if (v.code() == ViolationCode.UNKNOWN_COMMAND) {
      return Names.didYouMean(name, schema.commands().keySet());
    }
    if (v.code() == ViolationCode.UNKNOWN_EVENT) {
      return Names.didYouMean(name, schema.events().keySet());
    }
    if (v.code() == ViolationCode.UNEXPECTED_MEMBER && v.element() != null) {
      String pointer = v.pointer();
      String member = pointer.substring(pointer.lastIndexOf('/') + 1)
          .replace("~1", "/").replace("~0", "~");
      return Names.didYouMean(member, memberNames(schema, v.element()));
    }
    return "";
  }

  /** The member names the definition of a violated element allows, branches included. */
  private static Collection<String> memberNames(Schema schema, SchemaElement element) {
    String title = element.definition();
    int quote = title.indexOf('\'');
    if (quote < 0 || !title.endsWith("'")) {
      return List.of();
    }
    String defName = title.substring(quote + 1, title.length() - 1);
    Definition d = schema.definition(defName).orElse(null);
    Set<String> names = new LinkedHashSet<>();
    if (d instanceof Command c) {
      c.argumentMembers().forEach(m -> names.add(m.name()));
    } else if (d instanceof Event e) {
      e.dataMembers().forEach(m -> names.add(m.name()));
    } else if (d instanceof ObjectType o) {
      addMembers(schema, o, names, new ArrayList<>());
    }
    return names;
  }

  private static void addMembers(Schema schema, ObjectType type, Set<String> names,
      List<String> seen) {
    if (seen.contains(type.name())) {
      return;
    }
    seen.add(type.name());
    for (Member m : type.allMembers()) {
      names.add(m.name());
    }
    if (type instanceof UnionType u) {
      if (!u.isFlat()) {
        names.add(UnionType.SIMPLE_DATA_MEMBER);
        return;
      }
      u.branches().forEach(b -> schema.type(b.type())
          .filter(ObjectType.class::isInstance)
          .ifPresent(t -> addMembers(schema, (ObjectType) t, names, seen)));
    }
  }

  @Override
  public String toString() {
    return "QapiMessages[" + validator + "]";
  }
}
