package io.qapi4j.validator.mutation;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a value sits: the payload's pointer in the message, the payload's name in QEMU paths,
 * and the member names and array indexes below it. Written independently of the native engine's
 * walk, from QEMU's {@code full_name_nth()} and the {@code name ? name : "null"} of its range,
 * enum and alternate messages, so that it checks that engine.
 */
record Position(String payloadPointer, @Nullable String payloadName, List<Object> segments) {

  Position {
    segments = List.copyOf(segments);
  }

  /** One member further. */
  Position member(String name) {
    List<Object> s = new ArrayList<>(segments);
    s.add(name);
    return new Position(payloadPointer, payloadName, s);
  }

  /** One array element further. */
  Position index(int i) {
    List<Object> s = new ArrayList<>(segments);
    s.add(i);
    return new Position(payloadPointer, payloadName, s);
  }

  boolean isPayload() {
    return segments.isEmpty();
  }

  /** The JSON Pointer in the message. */
  String pointer() {
    StringBuilder b = new StringBuilder(payloadPointer);
    for (Object s : segments) {
      b.append('/').append(s.toString().replace("~", "~0").replace("/", "~1"));
    }
    return b.toString();
  }

  /** QEMU's full name: members joined by dots, elements as [i], {@code <anonymous>} for none. */
  String fullName() {
    StringBuilder b = new StringBuilder(payloadName == null ? "" : payloadName);
    for (Object s : segments) {
      if (s instanceof Integer i) {
        b.append('[').append(i).append(']');
      } else {
        b.append(b.isEmpty() ? "" : ".").append(s);
      }
    }
    return b.isEmpty() ? "<anonymous>" : b.toString();
  }

  /** The name QEMU's range, enum and alternate messages use: the member's own, or "null". */
  String ownName() {
    if (segments.isEmpty()) {
      return payloadName == null ? "null" : payloadName;
    }
    return segments.get(segments.size() - 1) instanceof String s ? s : "null";
  }
}
