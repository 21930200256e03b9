package io.qapi4j.bench;

import io.qapi4j.model.Schema;
import io.qapi4j.validator.QmpValidator;
import io.qapi4j.validator.capture.CaptureItem;
import io.qapi4j.validator.capture.CaptureListener;
import io.qapi4j.validator.capture.CaptureReader;
import io.qapi4j.validator.capture.CaptureSummary;
import io.qapi4j.validator.capture.CaptureValidator;
import io.qapi4j.validator.capture.EmbeddedSchema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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

/**
 * The {@code qapi4j validate} path over a whole capture held in memory (the recording repeated
 * {@code copies} times): {@link CaptureReader} framing every message and pre-parsing its envelope,
 * {@link CaptureValidator} following the sessions and validating every message — with the
 * streaming path (the default) and with the tree walk. The baseline is the reading alone, as much
 * as validation could ever save. Throughput in MB/s is the capture's size over the time per
 * operation (setup prints the size).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(2)
public class CaptureThroughputBenchmark {

  /** A capture with a {@code query-qmp-schema} reply, its own schema. */
  @Param("testdata/captures/qmp-qemu-7.2.log")
  public String capture;

  /** How many times the capture is repeated in memory (each copy starts a new session). */
  @Param("16")
  public int copies;

  private byte[] bytes;
  private CaptureValidator streaming;
  private CaptureValidator treeWalk;

  /** Reads the capture and its schema, and builds both validators. */
  @Setup
  public void setup() throws IOException {
    Path file = BenchData.inProject(capture);
    byte[] one = Files.readAllBytes(file);
    bytes = new byte[one.length * copies];
    for (int i = 0; i < copies; i++) {
      System.arraycopy(one, 0, bytes, i * one.length, one.length);
    }
    Schema schema;
    try (CaptureReader reader = CaptureReader.open(file)) {
      EmbeddedSchema.Found found = EmbeddedSchema.find(reader);
      if (found == null) {
        throw new IllegalStateException(file + " holds no query-qmp-schema reply");
      }
      schema = found.result().orElseThrow();
    }
    streaming = CaptureValidator.of(QmpValidator.builder(schema).streaming(true).build());
    treeWalk = CaptureValidator.of(QmpValidator.builder(schema).streaming(false).build());
    CaptureSummary s = c_validateStreaming();
    System.out.printf("%n%s x %d: %,d bytes, %,d messages, %,d errors%n", capture, copies,
        bytes.length, s.messages(), s.errors());
  }

  private CaptureReader reader() {
    return CaptureReader.of(new ByteArrayInputStream(bytes), "capture");
  }

  /** Baseline: framing every message and pre-parsing its envelope, no validation. */
  @Benchmark
  public long a_readOnly() {
    long items = 0;
    try (CaptureReader reader = reader()) {
      for (CaptureItem item = reader.next(); item != null; item = reader.next()) {
        items++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return items;
  }

  /** Reading and validating, every message parsed into a tree and walked. */
  @Benchmark
  public CaptureSummary b_validateTreeWalk() {
    return validate(treeWalk);
  }

  /** Reading and validating, every message checked from the token stream (the default). */
  @Benchmark
  public CaptureSummary c_validateStreaming() {
    return validate(streaming);
  }

  private CaptureSummary validate(CaptureValidator validator) {
    try (CaptureReader reader = reader()) {
      return validator.validate(reader, CaptureListener.of(f -> { }, u -> { }));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
