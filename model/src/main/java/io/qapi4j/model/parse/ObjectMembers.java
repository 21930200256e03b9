package io.qapi4j.model.parse;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The members of a {@link QValue.QObject}: read-only, in order, and held by nothing else, so a
 * {@code QObject} takes them as they are. The parser makes one object per brace pair of a schema,
 * thousands for QEMU's: copying each map once more cost time and memory for nothing.
 */
final class ObjectMembers extends AbstractMap<String, QValue> {

  private final Map<String, QValue> map;

  private ObjectMembers(Map<String, QValue> map) {
    this.map = map;
  }

  /** Takes {@code map}, which no one may change or hand out after this call. */
  static ObjectMembers owning(LinkedHashMap<String, QValue> map) {
    return new ObjectMembers(Collections.unmodifiableMap(map));
  }

  /** A copy of {@code members}, in their order. */
  static ObjectMembers copyOf(Map<String, QValue> members) {
    return owning(new LinkedHashMap<>(members));
  }

  /** One member. */
  static ObjectMembers of(String key, QValue value) {
    return new ObjectMembers(Map.of(key, value));
  }

  @Override
  public @Nullable QValue get(Object key) {
    return map.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return map.containsKey(key);
  }

  @Override
  public int size() {
    return map.size();
  }

  @Override
  public Set<String> keySet() {
    return map.keySet();
  }

  @Override
  public Collection<QValue> values() {
    return map.values();
  }

  @Override
  public Set<Entry<String, QValue>> entrySet() {
    return map.entrySet();
  }
}
