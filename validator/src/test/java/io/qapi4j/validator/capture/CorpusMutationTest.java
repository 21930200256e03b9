package io.qapi4j.validator.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.model.Command;
import io.qapi4j.model.Event;
import io.qapi4j.model.Schema;
import io.qapi4j.validator.MessageKind;
import io.qapi4j.validator.MutationCheck;
import io.qapi4j.validator.MutationCheck.Case;
import io.qapi4j.validator.MutationCheck.Engines;
import io.qapi4j.validator.MutationCheck.Target;
import io.qapi4j.validator.Protocol;
import io.qapi4j.validator.QemuJson;
import io.qapi4j.validator.mutation.MutantTally;
import io.qapi4j.validator.mutation.Mutant;
import io.qapi4j.validator.mutation.MutationKind;
import io.qapi4j.validator.mutation.Mutator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every message of the corpus ({@code ../shared/corpus}) that both engines find valid — a
 * command, a success reply with the command it answers (as the session pairs them), an event —
 * against the schema {@link CorpusCaptures} gives its file, broken one way at a time by the
 * {@link Mutator}: both engines must flag every mutant checked with exactly the expected error
 * (code, JSON Pointer, QEMU path; the native engine in QEMU's words). The first miss fails with
 * both results. A table of the mutants checked per kind and corpus group is printed.
 *
 * <p>A message that occurs more than once (the same text, kind and command) is mutated once. A
 * message with more than 100 mutants of one kind gets 100 of them, drawn by a seeded {@link
 * Random}, so that long replies (the 742 entries of {@code caps_2.12.0}'s {@code
 * query-qmp-schema}) do not take minutes: every kind that applies to a message is still checked on
 * it, and the fraction checked (about 42%, all of the iotests) is printed and bounded below. With
 * {@code -Dqapi4j.allCorpusMutants=true} every mutant is checked (about 50,000, some minutes).
 */
class CorpusMutationTest {

  /** The most mutants of one kind checked on one message. */
  private static final int PER_KIND =
      Boolean.getBoolean("qapi4j.allCorpusMutants") ? Integer.MAX_VALUE : 100;

  private static final long SEED = 0x9A9140C0FFEEL;

  /** The mutable kinds of message, as the tables name them. */
  private static final Map<MessageKind, String> MESSAGE_KINDS = Map.of(
      MessageKind.COMMAND, "command", MessageKind.OOB_COMMAND, "command",
      MessageKind.SUCCESS_REPLY, "reply", MessageKind.EVENT, "event");

  private final Random random = new Random(SEED);
  private final Map<Schema, Engines> engines = new IdentityHashMap<>();
  private final Map<Schema, Mutator> mutators = new IdentityHashMap<>();
  private final Map<String, Figures> figures = new LinkedHashMap<>();
  private final MutantTally byGroup = new MutantTally();
  private final MutantTally byMessageKind = new MutantTally();
  /** Mutation kinds made per message kind, checked or not. */
  private final Map<String, Set<MutationKind>> made = new LinkedHashMap<>();

  @Test
  void bothEnginesFlagEveryMutantOfTheValidCorpusMessagesWithTheRightError() {
    Map<Schema, Set<String>> seen = new IdentityHashMap<>();
    for (CorpusCaptures.Capture capture : CorpusCaptures.all()) {
      Schema schema = CorpusCaptures.schemaOf(capture);
      Engines e = engines.computeIfAbsent(schema, s -> Engines.of(s, Protocol.QMP, false));
      Mutator mutator = mutators.computeIfAbsent(schema, s -> new Mutator(e.schema(), false));
      String group = group(capture);
      Figures f = figures.computeIfAbsent(group, g -> new Figures());
      for (CorpusCaptures.Paired p : CorpusCaptures.paired(capture, schema)) {
        f.messages++;
        CapturedMessage m = p.message();
        MessageKind kind = m.envelope().kind(Protocol.QMP, m.direction());
        Case c = messageCase(capture.file(), m, kind, p.inReplyTo(), e, mutator);
        if (c == null) {
          f.noPayload++;
          continue;
        }
        if (!MutationCheck.bothValid(c)) {
          f.invalid++;
          continue;
        }
        f.valid++;
        if (!seen.computeIfAbsent(schema, k -> new HashSet<>())
            .add(kind + " " + p.inReplyTo() + " " + c.original())) {
          continue;
        }
        f.distinct++;
        f.made += c.mutants().size();
        String messageKind = MESSAGE_KINDS.get(kind);
        for (Mutant mutant : sample(c.mutants())) {
          MutationCheck.requireFlagged(c, mutant);
          byGroup.add(group, mutant.kind());
          byMessageKind.add(messageKind, mutant.kind());
          f.checked++;
        }
        c.mutants().forEach(mutant -> made.computeIfAbsent(messageKind,
            k -> EnumSet.noneOf(MutationKind.class)).add(mutant.kind()));
      }
    }
    print();

    Figures all = Figures.sum(figures.values());
    assertThat(all.messages).isEqualTo(3_928);
    assertThat(all.valid).isEqualTo(2_764);
    assertThat(byGroup.groups()).hasSize(4);
    figures.forEach((group, f) -> assertThat(f.checked).as(group).isPositive());
    assertThat(byGroup.kinds()).containsExactlyInAnyOrder(MutationKind.values());
    // Sampling drops mutants, never a kind: each kind made on a message kind is checked there.
    made.forEach((messageKind, kinds) ->
        assertThat(byMessageKind.kinds(messageKind)).as(messageKind).isEqualTo(kinds));
    assertThat(byMessageKind.groups()).containsExactlyInAnyOrder("command", "reply", "event");
    assertThat((double) all.checked / all.made).isGreaterThan(0.4);
  }

  /**
   * The case of a command, a success reply to a command the session knows, or an event; {@code
   * null} for the rest (error replies and greetings have no payload of the schema's).
   */
  private static @Nullable Case messageCase(String file, CapturedMessage m, MessageKind kind,
      @Nullable String inReplyTo, Engines engines, Mutator mutator) {
    if (!MESSAGE_KINDS.containsKey(kind)) {
      return null;
    }
    Schema schema = engines.schema();
    String name = m.envelope().name();
    JsonNode json = QemuJson.MAPPER.readTree(m.json());
    String source = file + ":" + m.line() + " (" + m.envelope().kind()
        + (inReplyTo == null ? "" : " to " + inReplyTo) + ")";
    return switch (kind) {
      case COMMAND, OOB_COMMAND -> {
        Command c = name == null ? null : schema.command(name).orElse(null);
        yield c == null ? null
            : new Case(source, json, Target.command(), engines, mutator.ofCommand(json, c));
      }
      case SUCCESS_REPLY -> {
        Command c = inReplyTo == null ? null : schema.command(inReplyTo).orElse(null);
        yield c == null ? null : new Case(source, json, Target.reply(c.name()), engines,
            mutator.ofReply(json, c));
      }
      case EVENT -> {
        Event ev = name == null ? null : schema.event(name).orElse(null);
        yield ev == null ? null
            : new Case(source, json, Target.event(), engines, mutator.ofEvent(json, ev));
      }
      default -> null;
    };
  }

  /** At most {@link #PER_KIND} mutants of each kind, drawn at random, in their original order. */
  private List<Mutant> sample(List<Mutant> mutants) {
    Map<MutationKind, List<Mutant>> byKind = new EnumMap<>(MutationKind.class);
    mutants.forEach(m -> byKind.computeIfAbsent(m.kind(), k -> new ArrayList<>()).add(m));
    Set<Mutant> kept = Collections.newSetFromMap(new IdentityHashMap<>());
    for (List<Mutant> ofKind : byKind.values()) {
      List<Mutant> pool = new ArrayList<>(ofKind);
      while (pool.size() > PER_KIND) {
        pool.remove(random.nextInt(pool.size()));
      }
      kept.addAll(pool);
    }
    return mutants.stream().filter(kept::contains).toList();
  }

  /** The corpus group of a capture: the iotests by style, libvirt's probes by QEMU version. */
  private static String group(CorpusCaptures.Capture capture) {
    if (capture.style() != CorpusCaptures.Style.LIBVIRT) {
      return capture.style().label;
    }
    String name = capture.path().getFileName().toString();
    return "libvirt " + name.substring("caps_".length(), name.indexOf(".x86_64"));
  }

  /** How many messages of a corpus group were mutated, and how many mutants were checked. */
  private static final class Figures {
    long messages;
    /** Error replies, greetings, replies to commands the capture does not show. */
    long noPayload;
    long invalid;
    long valid;
    /** The valid messages without those seen before. */
    long distinct;
    long made;
    long checked;

    static Figures sum(Iterable<Figures> all) {
      Figures sum = new Figures();
      for (Figures f : all) {
        sum.messages += f.messages;
        sum.noPayload += f.noPayload;
        sum.invalid += f.invalid;
        sum.valid += f.valid;
        sum.distinct += f.distinct;
        sum.made += f.made;
        sum.checked += f.checked;
      }
      return sum;
    }

    String row(String label) {
      return String.format("  %-22s%,10d%,12d%,9d%,9d%,10d%,10d%,10d%8.1f%%%n", label, messages,
          noPayload, invalid, valid, distinct, made, checked, 100.0 * checked / Math.max(1, made));
    }
  }

  private void print() {
    StringBuilder out = new StringBuilder("Corpus mutants, each flagged by both engines with the"
        + " right error, per corpus group:\n").append(byGroup.table())
        .append("per message kind:\n").append(byMessageKind.table())
        .append(String.format("  %-22s%10s%12s%9s%9s%10s%10s%10s%9s%n", "group", "messages",
            "no payload", "invalid", "valid", "distinct", "mutants", "checked", "share"));
    figures.forEach((group, f) -> out.append(f.row(group)));
    out.append(Figures.sum(figures.values()).row("total"));
    System.out.print(out);
  }
}
