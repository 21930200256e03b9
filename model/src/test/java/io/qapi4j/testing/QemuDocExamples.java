package io.qapi4j.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example messages of QEMU master's doc comments, {@code
 * ../shared/qemu-qapi/master/examples.jsonl} (fields in {@code ../shared/qemu-qapi/README.md}):
 * those that are JSON, each with the command sent last before it in the same example.
 */
public final class QemuDocExamples {
  private QemuDocExamples() {}

  /**
   * One example message that is JSON.
   *
   * @param key {@code FILE:LINE}, the file relative to {@code master/} ({@code qapi/misc.json:117})
   * @param definition the definition the doc block documents, or empty
   * @param schema {@code qmp} or {@code qga}
   * @param client whether the client sends it ({@code ->})
   * @param text the message as written
   * @param json the message parsed (a plain Jackson tree: use {@code text} for exact numbers)
   * @param commandBefore the command ({@code execute} or {@code exec-oob}) of the message sent
   *     last before this one in the same example, or {@code null}
   */
  public record Example(String key, String definition, String schema, boolean client,
      String text, JsonNode json, @Nullable String commandBefore) {}

  /** Every example that parses as JSON, in file order. */
  public static List<Example> read() {
    Path file = SharedData.shared("qemu-qapi/master/examples.jsonl");
    List<Example> out = new ArrayList<>();
    Map<String, String> lastCommand = new HashMap<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        JsonNode row = JsonMapper.shared().readTree(line);
        if (!row.get("valid_json").asBoolean()) {
          continue;
        }
        String path = row.get("file").asString().replaceFirst("^master/", "");
        String definition = row.path("definition").asString("");
        String block = path + "#" + definition + "#" + row.get("example_no_in_block").asInt();
        JsonNode json = row.get("json");
        out.add(new Example(path + ":" + row.get("line").asInt(), definition,
            row.get("schema").asString(), row.get("direction").asString().equals("->"),
            row.get("text").asString(), json, lastCommand.get(block)));
        JsonNode exec = json.has("execute") ? json.get("execute") : json.get("exec-oob");
        if (exec != null && exec.isString()) {
          lastCommand.put(block, exec.asString());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
