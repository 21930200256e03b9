package io.qapi4j.jsonschema;

import io.qapi4j.model.Command;
import io.qapi4j.model.Event;
import io.qapi4j.model.QapiType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds every definition of a bundle, in a stable order: the types in the schema's order
 * (built-ins, built-in arrays, {@code QType}, {@code q_empty}, then definition order, user arrays
 * last), {@code command:*}, {@code event:*}, the envelopes, then the {@code open:} and {@code out:}
 * definitions the others asked for.
 */
final class BundleBuilder {

  private BundleBuilder() {}

  /** The definitions by key; the root message's key is {@code PROTOCOL:message}. */
  static Map<String, ObjectNode> definitions(Context cx) {
    TypeSchemas types = new TypeSchemas(cx);
    MessageSchemas messages = new MessageSchemas(cx);
    Map<String, ObjectNode> defs = new LinkedHashMap<>();
    for (QapiType t : cx.schema.types().values()) {
      defs.put(t.name(), types.define(t));
    }
    for (Command c : cx.schema.commands().values()) {
      defs.put(MessageSchemas.COMMAND + c.name(), messages.command(c));
    }
    for (Event e : cx.schema.events().values()) {
      defs.put(MessageSchemas.EVENT + e.name(), messages.event(e));
    }
    defs.putAll(messages.envelopes());
    if (!cx.schema.events().isEmpty()) {
      defs.putIfAbsent(MessageSchemas.TIMESTAMP, messages.timestamp());
    }
    int done = 0;
    List<String> requested = cx.requested();
    while (done < requested.size()) {
      for (String key : requested.subList(done, requested.size())) {
        String name = key.substring(key.indexOf(':') + 1);
        defs.put(key, key.startsWith(Context.OPEN) ? types.open(name) : types.out(name));
      }
      done = requested.size();
      requested = cx.requested();
    }
    return defs;
  }
}
