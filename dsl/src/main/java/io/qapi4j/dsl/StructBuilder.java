package io.qapi4j.dsl;

import io.qapi4j.model.SourceLocation;
import io.qapi4j.model.parse.QValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Configures a struct: its base and members ({@code {'struct': NAME, 'base': ..., 'data': ...}}). */
public final class StructBuilder extends MembersBuilder {
  private final StructRef self;
  private @Nullable StructRef base;

  StructBuilder(SchemaBuilder schema, StructRef self, SourceLocation location) {
    super(schema, "struct", self.name(), location, self);
    this.self = self;
  }

  /** The struct being defined, for members of its own type ({@code '*backing-image': 'ImageInfo'}). */
  public StructRef self() {
    return self;
  }

  /** Sets the base struct, whose members come first. */
  public void base(StructRef base) {
    this.base = base;
    self.setBase(base);
  }

  @Override
  void writeBody(Map<String, QValue> out) {
    out.put("data", members.toQObject());
    if (base != null) {
      out.put("base", Q.str(base.name()));
    }
  }
}
