package io.qapi4j.validator.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.model.Member;
import io.qapi4j.model.StructType;
import io.qapi4j.model.introspect.IntrospectionWriter;
import io.qapi4j.validator.QemuJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * libvirt's {@code caps_2.12.0} was probed from QEMU 2.12.0-rc0; its {@code query-qmp-schema}
 * reply compared with the introspection the v2.12.0 release schema gives, structure by structure
 * (type names are masked, so entities are matched by walking both from each command and event).
 */
class Caps212IntrospectionTest {

  private static Map<String, JsonNode> capture;
  private static Map<String, JsonNode> release;

  @BeforeAll
  static void read() throws IOException {
    CorpusCaptures.Capture caps =
        CorpusCaptures.named("libvirt-replies/caps_2.12.0.x86_64.replies");
    try (CaptureReader reader = CaptureReader.open(caps.path())) {
      EmbeddedSchema.Found found = EmbeddedSchema.find(reader);
      assertThat(found).isNotNull();
      CapturedMessage reply = null;
      try (CaptureReader again = CaptureReader.open(caps.path())) {
        for (CaptureItem item = again.next(); item != null; item = again.next()) {
          if (item instanceof CapturedMessage m && m.line() == found.line()) {
            reply = m;
          }
        }
      }
      assertThat(reply).isNotNull();
      capture = byName(QemuJson.MAPPER.readTree(reply.json()).get("return"));
    }
    release = byName(IntrospectionWriter.builder().build()
        .write(CorpusCaptures.release("v2.12.0")));
  }

  private static Map<String, JsonNode> byName(JsonNode entries) {
    Map<String, JsonNode> out = new HashMap<>();
    entries.forEach(e -> out.put(e.get("name").asString(), e));
    return out;
  }

  @Test
  void theSameCommandsAndEventsAndOneChangedStruct() {
    assertThat(capture).hasSameSizeAs(release).hasSize(742);
    assertThat(names("command", capture)).isEqualTo(names("command", release)).hasSize(167);
    assertThat(names("event", capture)).isEqualTo(names("event", release));

    List<String> differences = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String name : names("command", release)) {
      walk(name, name, name, seen, differences);
    }
    for (String name : names("event", release)) {
      walk(name, name, name, seen, differences);
    }

    // Between rc0 and the release, QEMU replaced vdi's creation option 'static' (a bool) by
    // 'preallocation' (PreallocMode, as the other formats have it).
    assertThat(differences).containsExactly("x-blockdev-create arguments, variant vdi:"
        + " members only in the release [preallocation], only in the capture [static]");
  }

  /**
   * QEMU 2.12's generator listed {@code allow-oob} on every command (its SchemaInfoCommand
   * requires the member); 3.0 made it optional and leaves it out when false, which is the form
   * qapi4j's writer produces. Not a difference of the schemas.
   */
  @Test
  void allowOobIsListedOnEveryCommandAsQemu212Did() {
    assertThat(capture.values()).filteredOn(e -> e.has("allow-oob")).hasSize(167);
    assertThat(capture.values()).filteredOn(e -> e.path("allow-oob").asBoolean())
        .extracting(e -> e.get("name").asString()).containsExactly("x-oob-test");
    assertThat(release.values()).filteredOn(e -> e.has("allow-oob"))
        .extracting(e -> e.get("name").asString()).containsExactly("x-oob-test");

    StructType info = (StructType) CorpusCaptures.release("v2.12.0").type("SchemaInfoCommand")
        .orElseThrow();
    assertThat(info.member("allow-oob")).get().extracting(Member::optional).isEqualTo(false);
    StructType info3 = (StructType) CorpusCaptures.release("v3.0.0").type("SchemaInfoCommand")
        .orElseThrow();
    assertThat(info3.member("allow-oob")).get().extracting(Member::optional).isEqualTo(true);
  }

  private static Set<String> names(String metaType, Map<String, JsonNode> entries) {
    Set<String> out = new TreeSet<>();
    entries.forEach((n, e) -> {
      if (e.get("meta-type").asString().equals(metaType)) {
        out.add(n);
      }
    });
    return out;
  }

  /** Compares the release's entity {@code r} with the capture's {@code c}, reached by {@code path}. */
  private static void walk(String r, String c, String path, Set<String> seen, List<String> out) {
    if (!seen.add(r + "\u0000" + c)) {
      return;
    }
    JsonNode re = release.get(r);
    JsonNode ce = capture.get(c);
    String meta = re.get("meta-type").asString();
    if (!meta.equals(ce.get("meta-type").asString())) {
      out.add(path + ": " + meta + " in the release, " + ce.get("meta-type").asString()
          + " in the capture");
      return;
    }
    switch (meta) {
      case "builtin" -> compare(path, "json-type", re.get("json-type"), ce.get("json-type"), out);
      case "enum" -> compare(path, "values", strings(re.get("values")), strings(ce.get("values")),
          out);
      case "array" -> walk(re.get("element-type").asString(), ce.get("element-type").asString(),
          path + "[]", seen, out);
      case "command" -> {
        walk(re.get("arg-type").asString(), ce.get("arg-type").asString(), path + " arguments",
            seen, out);
        walk(re.get("ret-type").asString(), ce.get("ret-type").asString(), path + " returns",
            seen, out);
        compare(path, "allow-oob", re.path("allow-oob").asBoolean(),
            ce.path("allow-oob").asBoolean(), out);
      }
      case "event" -> walk(re.get("arg-type").asString(), ce.get("arg-type").asString(),
          path + " data", seen, out);
      case "alternate" -> {
        Iterator<JsonNode> cm = ce.get("members").iterator();
        for (JsonNode m : re.get("members")) {
          if (cm.hasNext()) {
            walk(m.get("type").asString(), cm.next().get("type").asString(), path + " |", seen,
                out);
          }
        }
        compare(path, "branches", re.get("members").size(), ce.get("members").size(), out);
      }
      default -> object(re, ce, path, seen, out);
    }
  }

  private static void object(JsonNode re, JsonNode ce, String path, Set<String> seen,
      List<String> out) {
    matched(re.get("members"), ce.get("members"), "name", path, out, (name, r, c) -> {
      compare(path + "." + name, "optional", r.has("default"), c.has("default"), out);
      walk(r.get("type").asString(), c.get("type").asString(), path + "." + name, seen, out);
    });
    compare(path, "tag", re.path("tag").asString(""), ce.path("tag").asString(""), out);
    matched(re.path("variants"), ce.path("variants"), "case", path, out, (name, r, c) ->
        walk(r.get("type").asString(), c.get("type").asString(), path + ", variant " + name,
            seen, out));
  }

  /** What to do with two list elements of the same name. */
  private interface Pair {
    void accept(String name, JsonNode release, JsonNode capture);
  }

  /**
   * Matches the elements of two lists by their {@code key} member ({@code name}, {@code case}):
   * reports those only one list has, passes the others to {@code pair}.
   */
  private static void matched(JsonNode r, JsonNode c, String key, String path, List<String> out,
      Pair pair) {
    Map<String, JsonNode> rm = members(r, key);
    Map<String, JsonNode> cm = members(c, key);
    compareKeys(path, key.equals("case") ? "variants" : "members", rm.keySet(), cm.keySet(), out);
    rm.forEach((name, element) -> {
      JsonNode other = cm.get(name);
      if (other != null) {
        pair.accept(name, element, other);
      }
    });
  }

  private static Map<String, JsonNode> members(JsonNode list, String key) {
    Map<String, JsonNode> out = new HashMap<>();
    list.forEach(m -> out.put(m.get(key).asString(), m));
    return out;
  }

  private static Set<String> strings(JsonNode list) {
    Set<String> out = new TreeSet<>();
    list.forEach(v -> out.add(v.asString()));
    return out;
  }

  private static void compare(String path, String what, Object r, Object c, List<String> out) {
    if (!r.equals(c)) {
      out.add(path + ": " + what + " " + r + " in the release, " + c + " in the capture");
    }
  }

  private static void compareKeys(String path, String what, Set<String> r, Set<String> c,
      List<String> out) {
    Set<String> onlyR = new LinkedHashSet<>(new TreeSet<>(r));
    onlyR.removeAll(c);
    Set<String> onlyC = new LinkedHashSet<>(new TreeSet<>(c));
    onlyC.removeAll(r);
    if (!onlyR.isEmpty() || !onlyC.isEmpty()) {
      out.add(path + ": " + what + " only in the release " + onlyR + ", only in the capture "
          + onlyC);
    }
  }
}
