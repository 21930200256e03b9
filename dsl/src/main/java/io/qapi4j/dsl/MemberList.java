package io.qapi4j.dsl;

import io.qapi4j.model.parse.QValue;
import io.qapi4j.model.parse.QValue.QObject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code 'data'} object of a struct, command, event, inline base or nested struct, as the
 * parser would build it. A key written twice would silently replace the first in a map, so it is
 * reported here, at the second call's site, with the parser's words.
 */
final class MemberList {
  private final SchemaBuilder schema;
  private final String title;
  private final @Nullable StructRef owner;
  private final Map<String, QValue> members = new LinkedHashMap<>();

  MemberList(SchemaBuilder schema, String title, @Nullable StructRef owner) {
    this.schema = schema;
    this.title = title;
    this.owner = owner;
  }

  MemberRef add(String name, TypeRef type, boolean optional, @Nullable Block<MemberBuilder> block) {
    MemberBuilder config = new MemberBuilder();
    if (block != null) {
      block.configure(config);
    }
    put(name, optional, Q.element("type", Q.type(type), config.condition(), config.features()));
    MemberRef ref = new MemberRef(owner, name, type, optional);
    if (owner != null) {
      owner.addMember(ref);
    }
    return ref;
  }

  void addNested(String name, boolean optional, Block<NestedStructBuilder> block) {
    NestedStructBuilder nested = new NestedStructBuilder(schema, title);
    block.configure(nested);
    put(name, optional, nested.members());
  }

  private void put(String name, boolean optional, QValue value) {
    String key = optional ? "*" + name : name;
    if (members.containsKey(key)) {
      schema.error(CallSite.here(), title, "duplicate key '" + key + "'");
      return;
    }
    members.put(key, value);
  }

  boolean isEmpty() {
    return members.isEmpty();
  }

  QObject toQObject() {
    return Q.object(members);
  }
}
