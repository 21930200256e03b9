package io.qapi4j.validator;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.model.Schema;
import io.qapi4j.model.read.SchemaReader;
import io.qapi4j.testing.SharedData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.core.util.BufferRecycler;

/** The parsers' buffer pool: bounded, reused by a thread, never shared by two parsers at once. */
class StripedBufferPoolTest {

  @Test
  void slotsAreAPowerOfTwoOfAtLeastFourPerProcessor() {
    assertThat(StripedBufferPool.slots(1)).isEqualTo(4);
    assertThat(StripedBufferPool.slots(2)).isEqualTo(8);
    assertThat(StripedBufferPool.slots(3)).isEqualTo(16);
    assertThat(StripedBufferPool.slots(4)).isEqualTo(16);
    assertThat(StripedBufferPool.slots(0)).isEqualTo(4);
    assertThat(StripedBufferPool.slots(100_000)).isEqualTo(4096);
  }

  @Test
  void aThreadGetsBackTheBuffersItGaveBack() {
    StripedBufferPool pool = StripedBufferPool.SHARED;
    BufferRecycler first = pool.acquirePooled();
    assertThat(pool.acquirePooled()).as("taken: fresh buffers").isNotSameAs(first);
    pool.releasePooled(first);
    assertThat(pool.acquirePooled()).isSameAs(first);
  }

  @Test
  void aFullSlotLetsTheBuffersGo() {
    StripedBufferPool pool = StripedBufferPool.SHARED;
    BufferRecycler a = pool.acquirePooled();
    BufferRecycler b = pool.acquirePooled();
    pool.releasePooled(a);
    pool.releasePooled(b);
    assertThat(pool.acquirePooled()).isSameAs(a);
    assertThat(pool.acquirePooled()).isNotSameAs(b);
  }

  /** Many threads (more than slots) validating at once get the verdicts one thread gets. */
  @Test
  void threadsValidatingAtOnceGetTheSameVerdicts() throws Exception {
    Schema schema =
        SchemaReader.strict().read(SharedData.testdata("validator/frob.json")).orElseThrow();
    QmpValidator validator = QmpValidator.of(schema);
    List<String> messages = List.of(
        "{\"execute\": \"frob\", \"arguments\": {\"a\": {\"b\": [{\"c\": 300, \"d\": \"é\"}]},"
            + " \"mode\": \"bogus\"}, \"id\": \"long string to fill a buffer 0123456789\"}",
        "{\"execute\": \"ping\", \"id\": 1}",
        "{\"return\": {\"b\": [{\"c\": 1}, {\"c\": \"x\"}]}, \"id\": 2}",
        "{\"event\": \"FROBBED\", \"data\": {\"mode\": \"fast\"},"
            + " \"timestamp\": {\"seconds\": 1, \"microseconds\": 2}}",
        "{\"execute\": \"frob\", \"arguments\": {\"a\": {\"b\": []}, \"mode\": \"slow\", "
            + "\"blob\": \"" + "x".repeat(20_000) + "\"}}");
    List<ValidationResult> expected = messages.stream()
        .map(m -> validator.validate(m, "frob")).toList();
    ExecutorService threads = Executors.newFixedThreadPool(48);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < 48; t++) {
        int offset = t;
        done.add(threads.submit(() -> {
          int checked = 0;
          for (int i = 0; i < 2_000; i++) {
            int k = (i + offset) % messages.size();
            assertThat(validator.validate(messages.get(k).getBytes(
                java.nio.charset.StandardCharsets.UTF_8), "frob")).isEqualTo(expected.get(k));
            checked++;
          }
          return checked;
        }));
      }
      for (Future<Integer> f : done) {
        assertThat(f.get()).isEqualTo(2_000);
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(StripedBufferPool.SHARED.pooledCount())
        .isLessThanOrEqualTo(StripedBufferPool.slots(Runtime.getRuntime().availableProcessors()));
  }
}
