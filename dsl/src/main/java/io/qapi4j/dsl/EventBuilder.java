package io.qapi4j.dsl;

import io.qapi4j.model.SourceLocation;
import io.qapi4j.model.parse.QValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Configures an event: its data (inline members, a named struct, or a boxed type). */
public final class EventBuilder extends MembersBuilder {
  private @Nullable TypeRef dataType;
  private boolean boxed;

  EventBuilder(SchemaBuilder schema, String name, SourceLocation location) {
    super(schema, "event", name, location, null);
  }

  /** Takes the data from a struct ({@code 'data': 'Foo'}) instead of inline members. */
  public void data(StructRef data) {
    this.dataType = data;
    this.boxed = false;
  }

  /** Passes the data boxed ({@code 'data': 'Foo', 'boxed': true}): a struct or a union. */
  public void boxed(TypeRef data) {
    this.dataType = data;
    this.boxed = true;
  }

  @Override
  void writeBody(Map<String, QValue> out) {
    if (dataType != null) {
      out.put("data", Q.str(dataType.name()));
    } else if (!members.isEmpty()) {
      out.put("data", members.toQObject());
    }
  }

  @Override
  void writeFlags(Map<String, QValue> out) {
    if (boxed) {
      out.put("boxed", Q.bool(true));
    }
  }
}
