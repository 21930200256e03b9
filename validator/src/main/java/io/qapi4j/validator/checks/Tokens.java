package io.qapi4j.validator.checks;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Skipping values in a token stream while still rejecting what QEMU's parser rejects and Jackson's
 * streaming parser lets through: duplicate keys, which the streaming parser leaves to the checks
 * (they know a type's members, and find duplicates among them with a bit per member; only values
 * no check looks into come here), and lone surrogates ({@code "\uD800"}). Either makes the check
 * give way to the tree walk, which words the parse error.
 */
final class Tokens {
  private Tokens() {}

  /** Consumes the value whose first token is current. */
  static void skip(JsonParser p, Walk walk) {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      decode(p, walk);
    } else if (t == JsonToken.START_ARRAY) {
      while (p.nextToken() != JsonToken.END_ARRAY) {
        skip(p, walk);
      }
    } else if (t == JsonToken.START_OBJECT) {
      Names seen = new Names(walk);
      for (String name = p.nextName(); name != null; name = p.nextName()) {
        seen.add(name);
        p.nextToken();
        skip(p, walk);
      }
    }
  }

  /**
   * Decodes the current string token without making a string of it. The parser checks the UTF-8
   * of a string it skips less closely than of one it decodes (an encoded surrogate passes), and
   * the tree's parser decodes every string: so must the streaming checks, to reject the same.
   * A string with a surrogate, which may be a lone one QEMU's parser refuses, goes to the tree
   * walk. Unless the walk's input is known to be clean: then the parser skips the string.
   */
  static void decode(JsonParser p, Walk walk) {
    if (walk.stringsClean()) {
      return;
    }
    char[] chars = p.getStringCharacters();
    for (int i = p.getStringOffset(), end = i + p.getStringLength(); i < end; i++) {
      if (Character.isSurrogate(chars[i])) {
        throw TreeFallback.INSTANCE;
      }
    }
  }

  /** Gives way to the tree walk if {@code text} (a name or value no schema declares) has surrogates. */
  static void requireNoSurrogates(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isSurrogate(text.charAt(i))) {
        throw TreeFallback.INSTANCE;
      }
    }
  }

  /** Gives way to the tree walk if a string or member name in {@code tree} has surrogates. */
  static void requireNoSurrogates(JsonNode tree) {
    if (tree.isString()) {
      requireNoSurrogates(tree.asString());
    } else if (tree.isObject()) {
      for (Map.Entry<String, JsonNode> member : tree.properties()) {
        requireNoSurrogates(member.getKey());
        requireNoSurrogates(member.getValue());
      }
    } else if (tree.isArray()) {
      for (JsonNode element : tree.values()) {
        requireNoSurrogates(element);
      }
    }
  }

  /**
   * The names met in one object that no member table knows: few, so a short list, and a set only
   * for big objects.
   */
  static final class Names {
    private final String[] first = new String[8];
    private int count;
    private @Nullable Set<String> more;
    private final boolean clean;

    /** Names met on {@code walk}, whose input may be known to be clean. */
    Names(Walk walk) {
      this.clean = walk.stringsClean();
    }

    /** Adds {@code name}; a second one is a duplicate key, for the tree walk to report. */
    void add(String name) {
      if (!clean) {
        requireNoSurrogates(name);
      }
      for (int i = 0; i < count; i++) {
        if (first[i].equals(name)) {
          throw TreeFallback.INSTANCE;
        }
      }
      if (count < first.length) {
        first[count++] = name;
        return;
      }
      if (more == null) {
        more = new HashSet<>();
      }
      if (!more.add(name)) {
        throw TreeFallback.INSTANCE;
      }
    }
  }
}
