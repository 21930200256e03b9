package io.qapi4j.model.print;

import io.qapi4j.model.Definition;
import io.qapi4j.model.Module;
import io.qapi4j.model.Schema;
import io.qapi4j.model.SourceLocation;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Distributes a schema's definitions over the files it was read from: each definition goes to
 * the module its location names, each included module gets an {@code include} directive in the
 * module that included it, placed among the definitions by line as it was. Reading the root back
 * then meets every definition in the original order.
 */
final class ModuleLayout {
  private ModuleLayout() {}

  /** What a module file holds, in order: definitions and include directives. */
  sealed interface Item {}

  /** A definition written in the module. */
  record DefinitionItem(Definition definition) implements Item {}

  /** An {@code include} of {@code path}, relative to the including module's directory. */
  record IncludeItem(String path) implements Item {}

  /**
   * The items of each module by module name, root first. A schema without modules (built in
   * code) is one module called {@code rootName}; definitions whose file is not among the modules
   * go to the root.
   */
  static Map<String, List<Item>> layout(Schema schema, String rootName) {
    List<Module> modules = schema.modules();
    Module root = modules.isEmpty() ? new Module(rootName, rootName, null) : modules.get(0);
    Map<String, Module> byPath = new HashMap<>();
    modules.forEach(m -> byPath.putIfAbsent(m.path(), m));

    Map<Module, List<Definition>> definitions = new LinkedHashMap<>();
    definitions.put(root, new ArrayList<>());
    modules.forEach(m -> definitions.putIfAbsent(m, new ArrayList<>()));
    for (Definition d : schema.entities()) {
      if (!d.implicit()) {
        definitions.get(byPath.getOrDefault(d.location().file(), root)).add(d);
      }
    }

    Map<Module, List<Module>> includes = new HashMap<>();
    for (Module m : modules) {
      SourceLocation from = m.includedFrom();
      if (m != root && from != null) {
        includes.computeIfAbsent(byPath.getOrDefault(from.file(), root), k -> new ArrayList<>())
            .add(m);
      }
    }

    Map<String, List<Item>> out = new LinkedHashMap<>();
    for (Map.Entry<Module, List<Definition>> e : definitions.entrySet()) {
      Module module = e.getKey();
      List<Module> children = new ArrayList<>(includes.getOrDefault(module, List.of()));
      children.sort(Comparator.comparingInt(c -> includeLine(c)));
      out.put(module.name(), merge(module, e.getValue(), children));
    }
    return out;
  }

  /** Definitions in order, each include directive before the first definition below it. */
  private static List<Item> merge(Module module, List<Definition> definitions,
      List<Module> children) {
    List<Item> items = new ArrayList<>();
    int next = 0;
    for (Definition d : definitions) {
      while (next < children.size() && includeLine(children.get(next)) < d.location().line()) {
        items.add(include(module, children.get(next++)));
      }
      items.add(new DefinitionItem(d));
    }
    while (next < children.size()) {
      items.add(include(module, children.get(next++)));
    }
    return items;
  }

  private static int includeLine(Module child) {
    SourceLocation from = child.includedFrom();
    return from == null ? 0 : from.line();
  }

  private static IncludeItem include(Module parent, Module child) {
    Path dir = Path.of(parent.name()).getParent();
    Path target = Path.of(child.name());
    Path relative = dir == null ? target : dir.relativize(target);
    return new IncludeItem(relative.toString().replace(File.separatorChar, '/'));
  }
}
