package io.qapi4j.dsl;

import io.qapi4j.model.SourceLocation;
import io.qapi4j.model.parse.QValue;
import io.qapi4j.model.parse.QValue.QList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Configures an enum: its values in order, each with an optional {@code 'if'} and features. */
public final class EnumBuilder extends DefinitionBuilder {
  private final EnumRef self;
  private final List<QValue> values = new ArrayList<>();
  private @Nullable String prefix;

  EnumBuilder(SchemaBuilder schema, EnumRef self, SourceLocation location) {
    super(schema, "enum", self.name(), location);
    this.self = self;
  }

  /** Adds a value. */
  public EnumValueRef value(String name) {
    return add(name, null);
  }

  /** Adds a value configured by {@code block} ({@code if}, features). */
  public EnumValueRef value(String name, Block<ValueBuilder> block) {
    return add(name, block);
  }

  /** Adds plain values. */
  public void values(String... names) {
    for (String n : names) {
      add(n, null);
    }
  }

  /** Sets the C constant prefix ({@code 'prefix'}); it has no effect on the wire. */
  public void prefix(String prefix) {
    this.prefix = prefix;
  }

  private EnumValueRef add(String name, @Nullable Block<ValueBuilder> block) {
    ValueBuilder config = new ValueBuilder();
    if (block != null) {
      block.configure(config);
    }
    if (self.has(name)) {
      // The checker would see the clash too, but only at the enum's line.
      schema.error(CallSite.here(), title(), "value '" + name + "' collides with value '" + name + "'");
      return self.value(name);
    }
    values.add(Q.element("name", Q.str(name), config.condition(), config.features()));
    return self.add(name);
  }

  @Override
  void writeBody(Map<String, QValue> out) {
    out.put("data", new QList(values));
    if (prefix != null) {
      out.put("prefix", Q.str(prefix));
    }
  }
}
