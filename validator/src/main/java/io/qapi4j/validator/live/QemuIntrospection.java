package io.qapi4j.validator.live;

import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * Asks a QEMU binary for its schema: starts it with its monitor on stdio, negotiates, runs {@code
 * query-qmp-schema}, quits, and cleans up — the schema source of {@code qapi4j validate
 * --qemu-binary}.
 *
 * <pre>{@code
 * JsonNode info = QemuIntrospection.querySchema("qemu-system-x86_64", Duration.ofSeconds(30));
 * Schema schema = IntrospectionReader.read(info, "qemu-system-x86_64").orElseThrow();
 * }</pre>
 */
public final class QemuIntrospection {
  private QemuIntrospection() {}

  /**
   * The SchemaInfo array {@code binary} returns for {@code query-qmp-schema}.
   *
   * @param binary a name looked up on {@code PATH}, or a path
   * @param timeout for starting and for each reply
   * @throws LiveException if the binary is missing, dies, does not answer in time, or does not
   *     answer with an array
   */
  public static JsonNode querySchema(String binary, Duration timeout) {
    try (QemuProcess qemu = QemuProcess.builder().binary(binary)
            .monitor(QemuProcess.Monitor.STDIO).startTimeout(timeout).start();
         QmpClient qmp = qemu.connect(ClientOptions.defaults().withTimeout(timeout))) {
      qmp.negotiate();
      Reply reply = qmp.execute("query-qmp-schema");
      JsonNode info = reply.result();
      if (info == null || !info.isArray()) {
        throw new LiveException(binary + " did not answer query-qmp-schema with a SchemaInfo array: "
            + abbreviate(reply.message().text()));
      }
      try {
        qmp.execute("quit");
      } catch (LiveException exitedFirst) {
        // QEMU may close the monitor before its reply to quit gets out; the schema is in hand.
      }
      return info;
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "...";
  }
}
