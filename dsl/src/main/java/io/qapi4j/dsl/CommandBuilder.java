package io.qapi4j.dsl;

import io.qapi4j.model.SourceLocation;
import io.qapi4j.model.parse.QValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Configures a command: its arguments (inline members, a named struct, or a boxed type), its
 * return type and its flags.
 */
public final class CommandBuilder extends MembersBuilder {
  private @Nullable TypeRef dataType;
  private boolean boxed;
  private @Nullable TypeRef returns;
  private @Nullable QValue returnsInline;
  private boolean noGen;
  private boolean noSuccessResponse;
  private boolean allowOob;
  private boolean allowPreconfig;
  private boolean coroutine;

  CommandBuilder(SchemaBuilder schema, String name, SourceLocation location) {
    super(schema, "command", name, location, null);
  }

  /** Takes the arguments from a struct ({@code 'data': 'Foo'}) instead of inline members. */
  public void data(StructRef arguments) {
    this.dataType = arguments;
    this.boxed = false;
  }

  /**
   * Passes the arguments boxed ({@code 'data': 'Foo', 'boxed': true}): {@code arguments} is a
   * struct or a union.
   */
  public void boxed(TypeRef arguments) {
    this.dataType = arguments;
    this.boxed = true;
  }

  /** Sets the return type ({@code 'returns'}). */
  public void returns(TypeRef type) {
    this.returns = type;
    this.returnsInline = null;
  }

  /**
   * Returns a struct written in place ({@code 'returns': {'a': 'int'}}), which the model turns
   * into an implicit struct {@code q_obj_NAME-ret}: syntax QEMU 2.5 dropped, compat dialect only.
   */
  public void returnsNested(Block<NestedStructBuilder> block) {
    NestedStructBuilder nested = new NestedStructBuilder(schema, title());
    block.configure(nested);
    this.returnsInline = nested.members();
    this.returns = null;
  }

  /** {@code 'gen': false}: QEMU does not unmarshal the arguments, so they go unchecked. */
  public void noGen() {
    this.noGen = true;
  }

  /** {@code 'success-response': false}: a successful run sends no reply (guest agent). */
  public void noSuccessResponse() {
    this.noSuccessResponse = true;
  }

  /** {@code 'allow-oob': true}: the command may be sent with {@code exec-oob}. */
  public void allowOob() {
    this.allowOob = true;
  }

  /** {@code 'allow-preconfig': true}: the command works before the machine is built. */
  public void allowPreconfig() {
    this.allowPreconfig = true;
  }

  /** {@code 'coroutine': true}: the handler runs in a coroutine. */
  public void coroutine() {
    this.coroutine = true;
  }

  @Override
  void writeBody(Map<String, QValue> out) {
    if (dataType != null) {
      out.put("data", Q.str(dataType.name()));
    } else if (!members.isEmpty()) {
      out.put("data", members.toQObject());
    }
    if (returns != null) {
      out.put("returns", Q.type(returns));
    } else if (returnsInline != null) {
      out.put("returns", returnsInline);
    }
  }

  @Override
  void writeFlags(Map<String, QValue> out) {
    if (boxed) {
      out.put("boxed", Q.bool(true));
    }
    if (noGen) {
      out.put("gen", Q.bool(false));
    }
    if (noSuccessResponse) {
      out.put("success-response", Q.bool(false));
    }
    if (allowOob) {
      out.put("allow-oob", Q.bool(true));
    }
    if (allowPreconfig) {
      out.put("allow-preconfig", Q.bool(true));
    }
    if (coroutine) {
      out.put("coroutine", Q.bool(true));
    }
  }
}
