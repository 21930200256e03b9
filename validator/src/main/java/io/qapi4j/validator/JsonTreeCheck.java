package io.qapi4j.validator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What QEMU's JSON parser would refuse in a Jackson tree: a lone surrogate ({@code "\uD800"},
 * which Jackson reads and QEMU rejects: "\uD800 is not a valid Unicode character"), nesting beyond
 * 1024 levels and strings beyond 64 MiB (QEMU's {@code MAX_NESTING}, {@code MAX_TOKEN_SIZE}: a
 * tree built by a caller has not met the parser's limits), and nodes that are no JSON at all
 * (Java objects, binary data, a missing node). Checked without recursion, so a tree of any depth
 * is safe to check — and safe to validate once it passed.
 */
final class JsonTreeCheck {
  private JsonTreeCheck() {}

  /** One container being walked, and the name or index it has in its parent. */
  private record Frame(String segment, @Nullable Iterator<Map.Entry<String, JsonNode>> members,
      @Nullable Iterator<JsonNode> elements, int @Nullable [] index) {}

  /** The parse error QEMU would report for {@code root}, or {@code null} if there is none. */
  static @Nullable String problem(JsonNode root) {
    String own = leafProblem(root);
    if (own != null || !root.isContainer()) {
      return own == null ? null : "JSON parse error, " + own;
    }
    Deque<Frame> stack = new ArrayDeque<>();
    stack.push(frame("", root));
    while (!stack.isEmpty()) {
      Frame top = stack.peek();
      String segment;
      JsonNode child;
      if (top.members() != null && top.members().hasNext()) {
        Map.Entry<String, JsonNode> e = top.members().next();
        segment = e.getKey();
        child = e.getValue();
        String nameProblem = stringProblem(segment);
        if (nameProblem != null) {
          return "JSON parse error, " + nameProblem + " (in a member name at " + pointer(stack) + ")";
        }
      } else if (top.elements() != null && top.elements().hasNext()) {
        segment = String.valueOf(top.index()[0]++);
        child = top.elements().next();
      } else {
        stack.pop();
        continue;
      }
      String problem = leafProblem(child);
      if (problem != null) {
        return "JSON parse error, " + problem + " (at " + pointer(stack) + "/"
            + NativeMessageChecker.escape(segment) + ")";
      }
      if (child.isContainer()) {
        if (stack.size() >= MessageParser.MAX_NESTING) {
          return "JSON parse error, nesting deeper than " + MessageParser.MAX_NESTING + " levels";
        }
        stack.push(frame(segment, child));
      }
    }
    return null;
  }

  private static Frame frame(String segment, JsonNode container) {
    return container.isObject()
        ? new Frame(segment, container.properties().iterator(), null, null)
        : new Frame(segment, null, container.values().iterator(), new int[1]);
  }

  private static String pointer(Deque<Frame> stack) {
    StringBuilder b = new StringBuilder();
    Iterator<Frame> outermostFirst = stack.descendingIterator();
    outermostFirst.next(); // the root has no name
    outermostFirst.forEachRemaining(f -> b.append('/')
        .append(NativeMessageChecker.escape(f.segment())));
    return b.toString();
  }

  private static @Nullable String leafProblem(JsonNode node) {
    return switch (node.getNodeType()) {
      case STRING -> stringProblem(node.asString());
      case POJO, BINARY -> "a Java object is no JSON value";
      case MISSING -> "no JSON value";
      default -> null;
    };
  }

  private static @Nullable String stringProblem(String s) {
    if (s.length() > MessageParser.MAX_TOKEN) {
      return "a string longer than " + (MessageParser.MAX_TOKEN >> 20) + " MiB";
    }
    int lone = loneSurrogate(s);
    return lone < 0 ? null
        : String.format("\\u%04X is not a valid Unicode character", (int) s.charAt(lone));
  }

  /** The index of the first surrogate in {@code s} that is not half of a pair, or -1. */
  static int loneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }
}
