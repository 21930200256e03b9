package io.qapi4j.validator.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qapi4j.model.Schema;
import io.qapi4j.model.introspect.IntrospectionReader;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Asking a QEMU binary for its schema over {@code -qmp stdio}. */
class QemuIntrospectionTest {

  @Test
  void qemuTellsItsSchemaOverStdio() {
    String qemu = LiveBinaries.qemu().toString();

    JsonNode info = QemuIntrospection.querySchema(qemu, Duration.ofSeconds(30));
    Schema schema = IntrospectionReader.read(info, "qemu 7.2").orElseThrow();

    assertThat(info.size()).isGreaterThan(1000);
    assertThat(schema.commands()).containsKeys("query-qmp-schema", "qom-list", "blockdev-add", "quit");
    assertThat(schema.events()).containsKeys("SHUTDOWN", "STOP", "RESUME");
  }

  @Test
  void aMissingBinaryIsAClearError() {
    assertThatThrownBy(() -> QemuIntrospection.querySchema("qapi4j-no-such-qemu", Duration.ofSeconds(5)))
        .isInstanceOf(LiveException.class)
        .hasMessageStartingWith("cannot find qapi4j-no-such-qemu on PATH or in /usr/local/sbin, /usr/sbin, /sbin")
        .hasMessageEndingWith("(is qemu-system-x86 installed?)");
  }
}
