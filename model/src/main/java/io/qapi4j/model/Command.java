package io.qapi4j.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A command a client may execute.
 *
 * @param name the command name
 * @param arguments the argument type (an implicit {@code q_obj_NAME-arg} struct for inline
 *     {@code 'data'}, a named struct, or with {@code boxed} a union), or {@code null} for none
 * @param returns the return type, or {@code null} when a success reply carries {@code {}}
 * @param boxed whether the arguments are passed to the handler as one object ({@code 'boxed'})
 * @param gen {@code false} when QEMU does not unmarshal the arguments ({@code 'gen': false}); such
 *     arguments are not checked against the schema
 * @param successResponse {@code false} when a successful run sends no reply at all
 * @param allowOob whether the command may be sent with {@code exec-oob}
 * @param allowPreconfig whether the command works before the machine is built
 * @param coroutine whether the handler runs in a coroutine (an implementation detail)
 * @param condition the {@code 'if'}, or {@code null}
 * @param features the command's features
 * @param doc the documentation, or {@code null}
 * @param location where it was defined
 */
public record Command(
    String name,
    @Nullable ObjectType arguments,
    @Nullable QapiType returns,
    boolean boxed,
    boolean gen,
    boolean successResponse,
    boolean allowOob,
    boolean allowPreconfig,
    boolean coroutine,
    @Nullable Condition condition,
    List<Feature> features,
    @Nullable DocComment doc,
    SourceLocation location)
    implements Definition {

  public Command {
    features = List.copyOf(features);
  }

  /** The members of the arguments (base members first), or none. */
  public List<Member> argumentMembers() {
    return arguments == null ? List.of() : arguments.allMembers();
  }

  @Override
  public DefinitionKind kind() {
    return DefinitionKind.COMMAND;
  }
}
