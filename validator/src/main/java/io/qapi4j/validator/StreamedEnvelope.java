package io.qapi4j.validator;

import io.qapi4j.validator.NativeMessageChecker.Prechecked;
import io.qapi4j.validator.checks.CompiledSchema;
import io.qapi4j.validator.checks.CompiledSchema.CommandChecks;
import io.qapi4j.validator.checks.CompiledSchema.EventChecks;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.sym.BinaryNameMatcher;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The envelope members of one message as the token stream gives them, while they are all ones a
 * QMP or QGA message has ({@code execute}, {@code id}, {@code return}, ...): each at most once, so
 * that a bit per member finds a duplicate. Well-formed traffic has one of a few shapes — a command,
 * a reply, an error, an event — whose envelope rules {@link #verdict} applies straight from these
 * members, with {@link NativeMessageChecker}'s checks, and no tree of the envelope is built. Any
 * other message becomes {@linkplain #toTree a tree} on which the checker applies every rule.
 */
final class StreamedEnvelope {

  static final int EXECUTE = 0;
  static final int EXEC_OOB = 1;
  static final int ARGUMENTS = 2;
  static final int ID = 3;
  static final int RETURN = 4;
  static final int ERROR = 5;
  static final int EVENT = 6;
  static final int DATA = 7;
  static final int TIMESTAMP = 8;

  /** The members by index. */
  static final List<String> KEYS = List.of("execute", "exec-oob", "arguments", "id", "return",
      "error", "event", "data", "timestamp");
  /** Matches a member name to its index in {@link #KEYS}, without making a string of it. */
  static final PropertyNameMatcher MATCHER = BinaryNameMatcher.construct(KEYS);

  private static final int COMMAND_KEYS = bits(EXECUTE, EXEC_OOB, ARGUMENTS, ID);
  private static final int REPLY_KEYS = bits(RETURN, ID);
  private static final int ERROR_KEYS = bits(ERROR, ID);
  private static final int EVENT_KEYS = bits(EVENT, DATA, TIMESTAMP);

  private final JsonNode[] values = new JsonNode[KEYS.size()];
  /** The members' indices in message order. */
  private final byte[] order = new byte[KEYS.size()];
  private int count;
  private int seen;

  /**
   * What the payload's check, when streamed, found for the command {@code execute} names, or the
   * command a reply answers: kept so that the schema is not asked twice.
   */
  private @Nullable CommandChecks command;
  private boolean commandFound;
  /** The same for the event {@code event} names. */
  private @Nullable EventChecks event;
  private boolean eventFound;

  /** Adds member {@code index}; {@code false} if the message has it already (a duplicate key). */
  boolean add(int index, JsonNode value) {
    int bit = 1 << index;
    if ((seen & bit) != 0) {
      return false;
    }
    seen |= bit;
    values[index] = value;
    order[count++] = (byte) index;
    return true;
  }

  /** Notes the checks of the command the payload was streamed against. */
  void command(@Nullable CommandChecks checks) {
    command = checks;
    commandFound = true;
  }

  /** Notes the checks of the event the payload was streamed against. */
  void event(@Nullable EventChecks checks) {
    event = checks;
    eventFound = true;
  }

  private @Nullable CommandChecks command(CompiledSchema compiled, String name) {
    return commandFound ? command : compiled.command(name);
  }

  private @Nullable EventChecks event(CompiledSchema compiled, String name) {
    return eventFound ? event : compiled.event(name);
  }

  /** The members added so far, as a tree, in message order. */
  ObjectNode toTree() {
    ObjectNode tree = MessageParser.FAST.createObjectNode();
    for (int i = 0; i < count; i++) {
      tree.set(KEYS.get(order[i]), values[order[i]]);
    }
    return tree;
  }

  /**
   * The verdict on the message with these members if it has a common shape — exactly what {@link
   * NativeMessageChecker#check} gives for its tree — or {@code null}: the caller then builds
   * {@linkplain #toTree the tree}. Only for a message whose text is {@linkplain CleanStrings
   * clean}: the members' strings are not looked at for what QEMU's parser refuses.
   */
  @Nullable ValidationResult verdict(NativeMessageChecker checker, CompiledSchema compiled,
      Protocol protocol, Direction direction, @Nullable String inReplyTo,
      @Nullable Prechecked pre) {
    List<Violation> out = new ArrayList<>(0);
    JsonNode id = values[ID];
    if ((seen & ~COMMAND_KEYS) == 0 && has(EXECUTE) != has(EXEC_OOB)) {
      int exec = has(EXECUTE) ? EXECUTE : EXEC_OOB;
      JsonNode name = values[exec];
      JsonNode args = values[ARGUMENTS];
      if ((exec == EXEC_OOB && protocol != Protocol.QMP) || !name.isString()
          || (args != null && !args.isObject())) {
        return null;
      }
      String command = name.asString();
      checker.command(KEYS.get(exec), command, command(compiled, command), args, pre, out);
      return new ValidationResult(exec == EXECUTE ? MessageKind.COMMAND : MessageKind.OOB_COMMAND,
          command, id, out);
    }
    if (direction == Direction.CLIENT) {
      return null;   // read as a (broken) command, by the tree's rules
    }
    if ((seen & ~REPLY_KEYS) == 0 && has(RETURN)) {
      if (inReplyTo != null) {
        checker.successReply(inReplyTo, command(compiled, inReplyTo), values[RETURN], pre, out);
      }
      return new ValidationResult(MessageKind.SUCCESS_REPLY, inReplyTo, id, out);
    }
    if ((seen & ~ERROR_KEYS) == 0 && has(ERROR)) {
      checker.error(values[ERROR], out);
      return new ValidationResult(MessageKind.ERROR_REPLY, inReplyTo, id, out);
    }
    if (protocol == Protocol.QMP && (seen & ~EVENT_KEYS) == 0 && has(EVENT)
        && values[EVENT].isString()) {
      NativeMessageChecker.timestamp(values[TIMESTAMP], out);
      String event = values[EVENT].asString();
      checker.event(event, event(compiled, event), values[DATA], pre, out);
      return new ValidationResult(MessageKind.EVENT, event, null, out);
    }
    return null;
  }

  private boolean has(int index) {
    return (seen & (1 << index)) != 0;
  }

  private static int bits(int... indices) {
    int bits = 0;
    for (int i : indices) {
      bits |= 1 << i;
    }
    return bits;
  }
}
