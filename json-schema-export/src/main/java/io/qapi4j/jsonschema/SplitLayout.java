package io.qapi4j.jsonschema;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where each definition of a split export lives, and how bundle references ({@code
 * #/$defs/KEY/$defs/SUB}) become relative ones ({@code ../DIR/KEY.json#/$defs/SUB}): types in
 * {@code type/}, keys {@code PREFIX:NAME} in {@code PREFIX/NAME.json}.
 */
final class SplitLayout {

  /** The root document of a split export. */
  static final String ROOT = "schema.json";

  private final Draft draft;

  SplitLayout(Draft draft) {
    this.draft = draft;
  }

  /** The file of definition {@code key}, relative to the export's directory. */
  String file(String key) {
    int colon = key.indexOf(':');
    if (colon < 0) {
      return "type/" + key + ".json";
    }
    return key.substring(0, colon) + "/" + key.substring(colon + 1) + ".json";
  }

  /** Rewrites every bundle {@code $ref} in {@code node}, the definition {@code key}, in place. */
  void relativize(JsonNode node, String key) {
    if (node instanceof ObjectNode o) {
      for (Map.Entry<String, JsonNode> e : o.properties()) {
        if (e.getKey().equals("$ref") && e.getValue().isString()) {
          o.put("$ref", relative(e.getValue().asString(), key));
        } else {
          relativize(e.getValue(), key);
        }
      }
    } else if (node.isArray()) {
      node.forEach(child -> relativize(child, key));
    }
  }

  private String relative(String ref, String from) {
    String prefix = "#/" + draft.defsKeyword() + "/";
    if (!ref.startsWith(prefix)) {
      return ref;
    }
    String rest = ref.substring(prefix.length());
    int slash = rest.indexOf('/');
    String target = slash < 0 ? rest : rest.substring(0, slash);
    String fragment = slash < 0 ? "" : "#" + rest.substring(slash);
    if (target.equals(from)) {
      return fragment.isEmpty() ? "#" : fragment;
    }
    return "../" + file(target) + fragment;
  }
}
