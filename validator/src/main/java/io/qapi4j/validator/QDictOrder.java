package io.qapi4j.validator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The order in which QEMU walks the members of a JSON object it parsed: a QDict is a hash table
 * of 512 buckets ({@code tdb_hash} of the key), walked bucket by bucket, each bucket newest
 * member first. QEMU's dispatcher stops at the first envelope problem in that order — which is
 * why QEMU answers {@code {"execute": "x", "exec-oob": "x"}} with "QMP input member 'execute'
 * clashes with 'exec-oob'" — so the native checker reports envelope problems in the same order.
 */
final class QDictOrder {
  private QDictOrder() {}

  /** QEMU's {@code QDICT_BUCKET_MAX}. */
  static final int BUCKETS = 512;

  /** The member names of {@code object} in the order QEMU's {@code qdict_first/next} visit them. */
  static List<String> keys(JsonNode object) {
    List<String> written = new ArrayList<>(object.propertyNames());
    int n = written.size();
    long[] order = new long[n];
    for (int i = 0; i < n; i++) {
      // Bucket ascending; within a bucket the member written last comes first.
      order[i] = ((long) bucket(written.get(i)) << 32) | (n - 1 - i);
    }
    Arrays.sort(order);
    List<String> keys = new ArrayList<>(n);
    for (long o : order) {
      keys.add(written.get(n - 1 - (int) o));
    }
    return keys;
  }

  /** The bucket of {@code key}: QEMU's {@code tdb_hash(key) % QDICT_BUCKET_MAX}. */
  static int bucket(String key) {
    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
    int value = 0x238F13AF * bytes.length;
    for (int i = 0; i < bytes.length; i++) {
      value += (bytes[i] & 0xFF) << (i * 5 % 24);
    }
    return Integer.remainderUnsigned(1103515243 * value + 12345, BUCKETS);
  }
}
