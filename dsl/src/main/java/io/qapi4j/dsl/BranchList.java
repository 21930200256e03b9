package io.qapi4j.dsl;

import io.qapi4j.model.parse.QValue;
import io.qapi4j.model.parse.QValue.QObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The {@code 'data'} object of a union or alternate; a branch written twice is reported here. */
final class BranchList {
  private final SchemaBuilder schema;
  private final String title;
  private final Map<String, QValue> branches = new LinkedHashMap<>();

  BranchList(SchemaBuilder schema, String title) {
    this.schema = schema;
    this.title = title;
  }

  void add(String name, TypeRef type, @Nullable Block<BranchBuilder> block) {
    BranchBuilder config = new BranchBuilder();
    if (block != null) {
      block.configure(config);
    }
    put(name, Q.element("type", Q.type(type), config.condition(), List.of()));
  }

  void addNested(String name, Block<NestedStructBuilder> block) {
    NestedStructBuilder nested = new NestedStructBuilder(schema, title);
    block.configure(nested);
    put(name, Q.object(java.util.Map.of("type", nested.members())));
  }

  private void put(String name, QValue value) {
    if (branches.containsKey(name)) {
      schema.error(CallSite.here(), title, "duplicate key '" + name + "'");
      return;
    }
    branches.put(name, value);
  }

  QObject toQObject() {
    return Q.object(branches);
  }
}
