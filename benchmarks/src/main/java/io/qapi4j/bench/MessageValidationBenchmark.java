package io.qapi4j.bench;

import io.qapi4j.bench.QmpTranscript.Message;
import io.qapi4j.validator.Engine;
import io.qapi4j.validator.QmpValidator;
import io.qapi4j.validator.ValidationResult;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 4: parsing and validating real QEMU traffic, per message, all variants in one run so that
 * their ratios hold: (a) Jackson's {@code readTree} alone, the floor for anything that builds a
 * tree; (b) the native engine parsing into a tree and walking it; (c) the networknt engine; (d)
 * the native engine straight from the token stream, no tree. Each invocation checks the next
 * message of the capture, round-robin, so a score is the mean over the capture's messages.
 *
 * <p>Commands are validated as commands, replies as the reply to the command they answer (paired
 * by order), events and the greeting as what they are.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 15, time = 1)
@Measurement(iterations = 20, time = 1)
@Fork(2)
public class MessageValidationBenchmark {

  /** A {@code -> }/{@code <- } transcript of a QEMU session with a query-qmp-schema exchange. */
  @Param("testdata/captures/qmp-qemu-7.2.log")
  public String capture;

  private Message[] messages;
  private JsonMapper plainMapper;
  /** The engine the running benchmark measures; none for (a). */
  private @Nullable QmpValidator validator;

  /** Which message is next, per thread. */
  @State(Scope.Thread)
  public static class Cursor {
    private int next;

    Message next(Message[] messages) {
      Message m = messages[next];
      next = next + 1 == messages.length ? 0 : next + 1;
      return m;
    }
  }

  /**
   * Reads the capture and builds the validator of the benchmark that runs, and only that one: the
   * JIT compiles what setup runs in the background, on the same two cores, well into the warm-up.
   * The validator sees every message once here (networknt compiles the part of the bundle a
   * message needs the first time it needs it, tens of milliseconds each, which is not the warm cost
   * measured); for (d), the tree walk checks it on every message too.
   */
  @Setup
  public void setup(BenchmarkParams params) {
    QmpTranscript transcript = QmpTranscript.read(BenchData.inProject(capture));
    messages = transcript.messages().toArray(new Message[0]);
    plainMapper = JsonMapper.shared();
    String benchmark = params.getBenchmark();
    QmpValidator.Builder builder = QmpValidator.builder(transcript.schema());
    validator = benchmark.endsWith("b_nativeTreeWalk") ? builder.streaming(false).build()
        : benchmark.endsWith("c_networknt") ? builder.engine(Engine.JSON_SCHEMA).build()
        : benchmark.endsWith("d_nativeStreaming") ? builder.streaming(true).build()
        : null;
    @Nullable QmpValidator reference = validator != null && benchmark.endsWith("d_nativeStreaming")
        ? QmpValidator.builder(transcript.schema()).streaming(false).build() : null;
    int invalid = 0;
    for (Message m : messages) {
      ValidationResult r = validator == null ? null : validator.validate(m.json(), m.inReplyTo());
      if (reference != null && !reference.validate(m.json(), m.inReplyTo()).equals(r)) {
        throw new IllegalStateException("the tree walk and the streaming path disagree on "
            + m.text() + ":\n  " + reference.validate(m.json(), m.inReplyTo()) + "\n  " + r);
      }
      invalid += r == null || r.valid() ? 0 : 1;
    }
    System.out.printf("%n%d messages of %s, %.0f bytes on average%s%n", messages.length, capture,
        transcript.averageBytes(), validator == null ? "" : ", " + invalid + " invalid");
  }

  /** (a) Baseline: Jackson 3 {@code readTree} with the default mapper. */
  @Benchmark
  public JsonNode a_readTree(Cursor c) {
    return plainMapper.readTree(c.next(messages).json());
  }

  /** (b) Native engine, parsed into a tree (QEMU's parser rules), then the compiled checks. */
  @Benchmark
  public ValidationResult b_nativeTreeWalk(Cursor c) {
    Message m = c.next(messages);
    return validator.validate(m.json(), m.inReplyTo());
  }

  /** (c) networknt's JSON Schema validator on the exported bundle (parsed like (b)). */
  @Benchmark
  public ValidationResult c_networknt(Cursor c) {
    Message m = c.next(messages);
    return validator.validate(m.json(), m.inReplyTo());
  }

  /** (d) Native engine straight from the token stream, no tree. */
  @Benchmark
  public ValidationResult d_nativeStreaming(Cursor c) {
    Message m = c.next(messages);
    return validator.validate(m.json(), m.inReplyTo());
  }
}
