package io.qapi4j.validator;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seeded random variants of a message, for differential tests: members reordered, dropped and
 * added, values of the wrong type, integers at and beyond their ranges, deep nesting; written out
 * with duplicate keys, single quotes, odd whitespace; and, as bytes, broken UTF-8, cut short or
 * followed by more.
 */
final class MessageMutator {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> NAMES = List.of("type", "driver", "node-name", "id", "data",
      "arguments", "execute", "exec-oob", "event", "return", "error", "timestamp", "QMP", "bogus",
      "a~b/c", "");
  private static final List<String> NUMBERS = List.of("0", "-0", "1", "-1", "127", "128", "-128",
      "-129", "255", "256", "65535", "65536", "-32769", "2147483647", "2147483648", "4294967295",
      "4294967296", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
      "-9223372036854775809", "18446744073709551615", "18446744073709551616",
      "123456789012345678901234567890", "1.0", "1e2", "-1.5", "0.0");

  private final Random random;

  MessageMutator(long seed) {
    this.random = new Random(seed);
  }

  /** A variant of {@code message} as UTF-8 bytes, often not even JSON any more. */
  byte[] mutate(JsonNode message) {
    JsonNode copy = message.deepCopy();
    int changes = 1 + random.nextInt(3);
    for (int i = 0; i < changes; i++) {
      copy = change(copy);
    }
    StringBuilder out = new StringBuilder();
    write(copy, out, random.nextInt(6) == 0, random.nextInt(5) == 0);
    byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
    return random.nextInt(6) == 0 ? breakBytes(bytes) : bytes;
  }

  private JsonNode change(JsonNode root) {
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    if (containers.isEmpty()) {
      return randomValue(2);
    }
    JsonNode target = containers.get(random.nextInt(containers.size()));
    if (target instanceof ObjectNode o) {
      List<String> names = new ArrayList<>(o.propertyNames());
      switch (random.nextInt(6)) {
        case 0, 1 -> {
          // reorder: discriminators after branch members, data before event, and the like
          List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(o.properties());
          Collections.shuffle(entries, random);
          o.removeAll();
          entries.forEach(e -> o.set(e.getKey(), e.getValue()));
        }
        case 2 -> {
          if (!names.isEmpty()) {
            o.remove(names.get(random.nextInt(names.size())));
          }
        }
        case 3 -> o.set(random.nextBoolean() || names.isEmpty()
            ? NAMES.get(random.nextInt(NAMES.size())) : names.get(random.nextInt(names.size())),
            randomValue(2));
        default -> {
          if (!names.isEmpty()) {
            String name = names.get(random.nextInt(names.size()));
            o.set(name, replacement(o.get(name)));
          }
        }
      }
    } else {
      ArrayNode a = (ArrayNode) target;
      if (a.isEmpty() || random.nextInt(4) == 0) {
        a.add(randomValue(2));
      } else {
        int i = random.nextInt(a.size());
        a.set(i, replacement(a.get(i)));
      }
    }
    return root;
  }

  private JsonNode replacement(JsonNode old) {
    return switch (random.nextInt(4)) {
      case 0 -> number(NUMBERS.get(random.nextInt(NUMBERS.size())));
      case 1 -> nest(old, 1 + random.nextInt(random.nextInt(8) == 0 ? 1100 : 5));
      default -> randomValue(2);
    };
  }

  private static JsonNode number(String literal) {
    if (literal.contains(".") || literal.contains("e")) {
      return NODES.numberNode(Double.parseDouble(literal));
    }
    return NODES.numberNode(new BigInteger(literal));
  }

  private JsonNode nest(JsonNode value, int depth) {
    JsonNode v = value;
    for (int i = 0; i < depth; i++) {
      v = random.nextBoolean() ? NODES.arrayNode().add(v) : NODES.objectNode().set("x", v);
    }
    return v;
  }

  private JsonNode randomValue(int depth) {
    return switch (random.nextInt(depth > 0 ? 9 : 7)) {
      case 0 -> NODES.stringNode(NAMES.get(random.nextInt(NAMES.size())));
      case 1 -> NODES.stringNode("s" + random.nextInt(100));
      case 2 -> number(NUMBERS.get(random.nextInt(NUMBERS.size())));
      case 3 -> NODES.booleanNode(random.nextBoolean());
      case 4 -> NODES.nullNode();
      case 5 -> NODES.objectNode();
      case 6 -> NODES.arrayNode();
      case 7 -> {
        ArrayNode a = NODES.arrayNode();
        for (int i = random.nextInt(3); i > 0; i--) {
          a.add(randomValue(depth - 1));
        }
        yield a;
      }
      default -> {
        ObjectNode o = NODES.objectNode();
        for (int i = random.nextInt(3); i > 0; i--) {
          o.set(NAMES.get(random.nextInt(NAMES.size())), randomValue(depth - 1));
        }
        yield o;
      }
    };
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    if (node.isContainer()) {
      out.add(node);
      for (JsonNode child : node) {
        collect(child, out);
      }
    }
  }

  /** Writes {@code node} as JSON, maybe with single quotes and one duplicate key. */
  private void write(JsonNode node, StringBuilder out, boolean singleQuotes, boolean duplicate) {
    if (node instanceof ObjectNode o) {
      out.append('{');
      List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(o.properties());
      int dup = duplicate && !entries.isEmpty() && random.nextInt(3) == 0
          ? random.nextInt(entries.size()) : -1;
      boolean first = true;
      for (int i = 0; i < entries.size(); i++) {
        Map.Entry<String, JsonNode> e = entries.get(i);
        first = member(e.getKey(), e.getValue(), first, out, singleQuotes, duplicate);
        if (i == dup) {
          member(e.getKey(), random.nextBoolean() ? e.getValue() : randomValue(1), false, out,
              singleQuotes, false);
        }
      }
      out.append('}');
    } else if (node instanceof ArrayNode a) {
      out.append('[');
      for (int i = 0; i < a.size(); i++) {
        out.append(i == 0 ? "" : random.nextInt(10) == 0 ? " ,\n " : ",");
        write(a.get(i), out, singleQuotes, duplicate);
      }
      out.append(']');
    } else if (node.isString()) {
      string(node.asString(), out, singleQuotes);
    } else {
      out.append(node);
    }
  }

  private boolean member(String name, JsonNode value, boolean first, StringBuilder out,
      boolean singleQuotes, boolean duplicate) {
    out.append(first ? "" : random.nextInt(10) == 0 ? "\n, " : ", ");
    string(name, out, singleQuotes);
    out.append(random.nextInt(10) == 0 ? " :\t" : ": ");
    write(value, out, singleQuotes, duplicate);
    return false;
  }

  private void string(String s, StringBuilder out, boolean singleQuotes) {
    if (singleQuotes && random.nextBoolean() && s.chars().allMatch(c -> c >= 0x20 && c != '\''
        && c != '"' && c != '\\')) {
      out.append('\'').append(s).append('\'');
    } else {
      out.append(NODES.stringNode(s));
    }
  }

  /** Odd bytes for inside a string: broken or odd UTF-8, raw control characters, bad escapes. */
  private static final List<byte[]> ODD_BYTES = List.of(new byte[] {(byte) 0xff},
      new byte[] {(byte) 0xc3}, new byte[] {(byte) 0xc0, (byte) 0x80},
      new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
      new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {1},
      new byte[] {'\n'}, "\\q".getBytes(StandardCharsets.US_ASCII),
      "\\u12".getBytes(StandardCharsets.US_ASCII), "\\uD800".getBytes(StandardCharsets.US_ASCII),
      "\\uDC00x".getBytes(StandardCharsets.US_ASCII), "\\u00e9".getBytes(StandardCharsets.US_ASCII));

  /** Odd bytes inside a string, a cut, or something after the message. */
  private byte[] breakBytes(byte[] bytes) {
    if (bytes.length < 2) {
      return bytes;
    }
    return switch (random.nextInt(3)) {
      case 0 -> {
        int quote = nth(bytes, (byte) '"', random.nextInt(8));
        yield quote < 0 ? bytes : insert(bytes, quote + 1, ODD_BYTES.get(random.nextInt(ODD_BYTES.size())));
      }
      case 1 -> Arrays.copyOf(bytes, random.nextInt(bytes.length));
      default -> insert(bytes, bytes.length,
          (random.nextBoolean() ? " {}" : " x").getBytes(StandardCharsets.US_ASCII));
    };
  }

  /** The index of the {@code n}-th (mod their count) byte {@code b}, or -1 if there is none. */
  private static int nth(byte[] bytes, byte b, int n) {
    int count = 0;
    for (byte x : bytes) {
      count += x == b ? 1 : 0;
    }
    if (count == 0) {
      return -1;
    }
    int want = n % count;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b && want-- == 0) {
        return i;
      }
    }
    return -1;
  }

  private static byte[] insert(byte[] bytes, int at, byte[] more) {
    byte[] out = new byte[bytes.length + more.length];
    System.arraycopy(bytes, 0, out, 0, at);
    System.arraycopy(more, 0, out, at, more.length);
    System.arraycopy(bytes, at, out, at + more.length, bytes.length - at);
    return out;
  }
}
