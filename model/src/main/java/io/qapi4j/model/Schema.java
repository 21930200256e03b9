package io.qapi4j.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A whole QAPI schema: its types, commands and events by name and in definition order, the modules
 * it came from and its pragmas. Immutable and safe to share between threads.
 *
 * <p>Obtain one from {@link io.qapi4j.model.read.SchemaReader}, the DSL, or introspection. Type
 * references are names; {@link #type(String)} resolves them, built-ins included:
 *
 * <pre>{@code
 * Schema schema = SchemaReader.compat().read(Path.of("qapi/qapi-schema.json")).orElseThrow();
 * Command cmd = schema.command("blockdev-add").orElseThrow();
 * for (Member m : cmd.argumentMembers()) {
 *   QapiType t = schema.type(m.type()).orElseThrow();
 * }
 * }</pre>
 */
public final class Schema {

  private final List<Definition> entities;
  private final List<Definition> definitions;
  private final Map<String, QapiType> types;
  private final Map<String, Command> commands;
  private final Map<String, Event> events;
  private final List<Module> modules;
  private final Pragmas pragmas;

  private Schema(
      List<Definition> entities, List<ArrayType> arrays, List<Module> modules, Pragmas pragmas) {
    this.entities = List.copyOf(entities);
    this.modules = List.copyOf(modules);
    this.pragmas = pragmas;
    Map<String, QapiType> typeMap = new LinkedHashMap<>();
    for (BuiltinType b : BuiltinType.values()) {
      typeMap.put(b.name(), b);
    }
    for (BuiltinType b : BuiltinType.values()) {
      ArrayType array = ArrayType.of(b.name());
      typeMap.put(array.name(), array);
    }
    typeMap.put(EnumType.QTYPE.name(), EnumType.QTYPE);
    typeMap.put(StructType.EMPTY.name(), StructType.EMPTY);
    Map<String, Command> commandMap = new LinkedHashMap<>();
    Map<String, Event> eventMap = new LinkedHashMap<>();
    List<Definition> explicit = new ArrayList<>();
    for (Definition d : this.entities) {
      if (d instanceof Command c) {
        commandMap.put(c.name(), c);
      } else if (d instanceof Event e) {
        eventMap.put(e.name(), e);
      } else if (d instanceof QapiType t) {
        typeMap.put(t.name(), t);
      }
      if (!d.implicit()) {
        explicit.add(d);
      }
    }
    for (ArrayType a : arrays) {
      typeMap.putIfAbsent(a.name(), a);
    }
    this.definitions = List.copyOf(explicit);
    this.types = Collections.unmodifiableMap(typeMap);
    this.commands = Collections.unmodifiableMap(commandMap);
    this.events = Collections.unmodifiableMap(eventMap);
  }

  /**
   * Creates a schema.
   *
   * @param entities every definition in definition order, implicit ones included (an implicit
   *     argument struct right before its command, for example)
   * @param arrays the array types used, beyond the built-in ones that always exist
   * @param modules the files the schema was read from (empty for schemas built otherwise)
   * @param pragmas the pragmas
   */
  public static Schema of(
      List<? extends Definition> entities,
      List<ArrayType> arrays,
      List<Module> modules,
      Pragmas pragmas) {
    return new Schema(List.copyOf(entities), arrays, modules, pragmas);
  }

  /** The definitions the author wrote, in definition order (no implicit types). */
  public List<Definition> definitions() {
    return definitions;
  }

  /** Every definition including implicit ones, in definition order. */
  public List<Definition> entities() {
    return entities;
  }

  /** Every type by name: built-ins, arrays, implicit and user types. */
  public Map<String, QapiType> types() {
    return types;
  }

  /** The type called {@code name}, if any. */
  public Optional<QapiType> type(String name) {
    return Optional.ofNullable(types.get(name));
  }

  /** The type called {@code name}, or {@code null}. */
  public @Nullable QapiType typeOrNull(String name) {
    return types.get(name);
  }

  /** Commands by name, in definition order. */
  public Map<String, Command> commands() {
    return commands;
  }

  /** The command called {@code name}, if any. */
  public Optional<Command> command(String name) {
    return Optional.ofNullable(commands.get(name));
  }

  /** Events by name, in definition order. */
  public Map<String, Event> events() {
    return events;
  }

  /** The event called {@code name}, if any. */
  public Optional<Event> event(String name) {
    return Optional.ofNullable(events.get(name));
  }

  /** The definition called {@code name} (type, command or event, implicit included), if any. */
  public Optional<Definition> definition(String name) {
    QapiType t = types.get(name);
    if (t instanceof Definition d) {
      return Optional.of(d);
    }
    if (commands.containsKey(name)) {
      return Optional.of(commands.get(name));
    }
    return Optional.ofNullable(events.get(name));
  }

  /** The files the schema was read from, root first; empty for schemas built in code. */
  public List<Module> modules() {
    return modules;
  }

  /** The pragmas in effect. */
  public Pragmas pragmas() {
    return pragmas;
  }

  /** Counts of the user-written definitions by kind, every kind present (possibly 0). */
  public Map<DefinitionKind, Integer> countsByKind() {
    Map<DefinitionKind, Integer> counts = new LinkedHashMap<>();
    for (DefinitionKind k : DefinitionKind.values()) {
      counts.put(k, 0);
    }
    for (Definition d : definitions) {
      counts.merge(d.kind(), 1, Integer::sum);
    }
    return Collections.unmodifiableMap(counts);
  }

  @Override
  public String toString() {
    return "Schema" + countsByKind();
  }
}
