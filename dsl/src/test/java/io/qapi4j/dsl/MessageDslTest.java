package io.qapi4j.dsl;

import static io.qapi4j.dsl.Builtins.STR;
import static io.qapi4j.dsl.Builtins.UINT64;
import static io.qapi4j.dsl.Builtins.arrayOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qapi4j.model.Schema;
import io.qapi4j.model.read.SchemaReader;
import io.qapi4j.testing.SharedData;
import io.qapi4j.validator.MessageKind;
import io.qapi4j.validator.QmpValidator;
import io.qapi4j.validator.ViolationCode;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * Messages built with the message DSL validate clean; a misspelt command or member, a missing
 * member or a value out of range fails at build time with the validator's words.
 */
class MessageDslTest {

  private static final BigInteger UINT64_MAX = BigInteger.TWO.pow(64).subtract(BigInteger.ONE);

  private static final Schema QMP_17 = SchemaReader.compat()
      .read(SharedData.testdata("seeds/001-qmp-qapi-schema-v1.7-era.json")).orElseThrow();
  private static final Schema QGA = SchemaReader.compat()
      .read(SharedData.testdata("seeds/004-qga-qapi-schema.json")).orElseThrow();

  /** A small schema of our own, built with the schema DSL. */
  private static final Schema DEVICES = QapiSchema.build(s -> {
    EnumRef state = s.enumType("DeviceState", "running", "stopped");
    StructRef device = s.struct("Device", d -> {
      d.member("id", STR);
      d.member("state", state);
      d.optional("size", UINT64);
    });
    s.command("query-devices", c -> {
      c.optional("ids", arrayOf(STR));
      c.returns(arrayOf(device));
    });
    s.command("device-resize", c -> {
      c.member("id", STR);
      c.member("size", UINT64);
    });
    s.command("ping", c -> c.allowOob());
    s.event("DEVICE_STATE_CHANGED", e -> {
      e.member("id", STR);
      e.member("state", state);
    });
  }).orElseThrow();

  @Test
  void commandAgainstTheFlatUnionOfQemu17() {
    QapiMessages qmp = QapiMessages.qmp(QMP_17);
    QapiMessage add = qmp.execute("blockdev-add", c -> {
      c.id("add-1");
      c.put("options", o -> {
        o.put("driver", "qcow2");
        o.put("id", "disk0");
        o.put("lazy-refcounts", true);
        o.put("file", f -> {
          f.put("driver", "file");
          f.put("filename", "/var/lib/disk0.qcow2");
        });
      });
    });
    assertThat(add.kind()).isEqualTo(MessageKind.COMMAND);
    assertThat(add.name()).isEqualTo("blockdev-add");
    assertThat(add.toJson()).isEqualTo("{\"execute\":\"blockdev-add\",\"arguments\":{\"options\":"
        + "{\"driver\":\"qcow2\",\"id\":\"disk0\",\"lazy-refcounts\":true,\"file\":{\"driver\":"
        + "\"file\",\"filename\":\"/var/lib/disk0.qcow2\"}}},\"id\":\"add-1\"}");
    // The anonymous union BlockdevRef also takes a reference (a string).
    qmp.execute("blockdev-add", c -> c.put("options", o -> {
      o.put("driver", "raw");
      o.put("file", "disk0-file");
    }));
    assertThat(QmpValidator.of(QMP_17).validate(add.json()).valid()).isTrue();
  }

  @Test
  void misspeltCommandFailsWithTheValidatorsWordsAndASuggestion() {
    QapiMessages qmp = QapiMessages.qmp(QMP_17);
    assertThatThrownBy(() -> qmp.execute("qurey-name"))
        .isInstanceOf(InvalidMessageException.class)
        .hasMessage("invalid QMP command 'qurey-name':\n"
            + "  /execute: The command qurey-name has not been found (did you mean 'query-name'?)\n"
            + "in {\"execute\":\"qurey-name\"}")
        .satisfies(e -> assertThat(((InvalidMessageException) e).violations())
            .extracting(v -> v.code()).containsExactly(ViolationCode.UNKNOWN_COMMAND));
  }

  @Test
  void misspeltMemberFailsWithTheValidatorsWordsAndASuggestion() {
    QapiMessages qmp = QapiMessages.qmp(QMP_17);
    assertThatThrownBy(() -> qmp.execute("blockdev-add", c -> c.put("options", o -> {
      o.put("driver", "qcow2");
      o.put("file", "disk0-file");
      o.put("lazy-refcount", true);
    })))
        .isInstanceOf(InvalidMessageException.class)
        .hasMessageContaining("/arguments/options/lazy-refcount: Parameter 'options.lazy-refcount'"
            + " is unexpected (did you mean 'lazy-refcounts'?)");
  }

  @Test
  void missingMemberAndWrongTypeAreReportedTogether() {
    QapiMessages qmp = QapiMessages.qmp(DEVICES);
    InvalidMessageException e = org.junit.jupiter.api.Assertions.assertThrows(
        InvalidMessageException.class, () -> qmp.execute("device-resize", c -> c.put("id", 7)));
    assertThat(e.errors()).containsExactlyInAnyOrder(
        "Invalid parameter type for 'id', expected: string",
        "Parameter 'size' is missing");
  }

  @Test
  void integersKeepTheirExactValue() {
    QapiMessages qmp = QapiMessages.qmp(DEVICES);
    QapiMessage resize = qmp.execute("device-resize", c -> {
      c.put("id", "disk0");
      c.put("size", UINT64_MAX);
    });
    assertThat(resize.toJson()).contains("\"size\":18446744073709551615");
    assertThatThrownBy(() -> qmp.execute("device-resize", c -> {
      c.put("id", "disk0");
      c.put("size", UINT64_MAX.add(BigInteger.ONE));
    })).isInstanceOf(InvalidMessageException.class)
        .hasMessageContaining("/arguments/size");
  }

  @Test
  void eventsAndRepliesAreCheckedToo() {
    QapiMessages qmp = QapiMessages.qmp(DEVICES);
    QapiMessage event = qmp.event("DEVICE_STATE_CHANGED", e -> {
      e.timestamp(1700000000L, 250);
      e.put("id", "disk0");
      e.put("state", "stopped");
    });
    assertThat(event.toJson()).isEqualTo("{\"event\":\"DEVICE_STATE_CHANGED\",\"data\":{\"id\":"
        + "\"disk0\",\"state\":\"stopped\"},\"timestamp\":{\"seconds\":1700000000,"
        + "\"microseconds\":250}}");
    assertThatThrownBy(() -> qmp.event("DEVICE_STATE_CHANGED", e -> {
      e.put("id", "disk0");
      e.put("state", "paused");
    })).isInstanceOf(InvalidMessageException.class);
    assertThatThrownBy(() -> qmp.event("DEVICE_STATE_CHANGE"))
        .hasMessageContaining("(did you mean 'DEVICE_STATE_CHANGED'?)");

    QapiMessage reply = qmp.reply("query-devices", r -> r.returnsArray(a -> a.add(d -> {
      d.put("id", "disk0");
      d.put("state", "running");
      d.put("size", 1L << 40);
    })));
    assertThat(reply.kind()).isEqualTo(MessageKind.SUCCESS_REPLY);
    assertThatThrownBy(() -> qmp.reply("query-devices", r -> r.returnsArray(a -> a.add(d -> {
      d.put("id", "disk0");
      d.put("stat", "running");
    })))).hasMessageContaining("(did you mean 'state'?)");
    assertThat(qmp.errorReply("device-resize", "GenericError", "no such device").toJson())
        .isEqualTo("{\"error\":{\"class\":\"GenericError\",\"desc\":\"no such device\"}}");
  }

  @Test
  void outOfBandOnlyForCommandsThatAllowIt() {
    QapiMessages qmp = QapiMessages.qmp(DEVICES);
    QapiMessage ping = qmp.executeOob("ping");
    assertThat(ping.kind()).isEqualTo(MessageKind.OOB_COMMAND);
    assertThat(ping.toJson()).isEqualTo("{\"exec-oob\":\"ping\"}");
    assertThatThrownBy(() -> qmp.executeOob("device-resize", c -> {
      c.put("id", "disk0");
      c.put("size", 1);
    })).isInstanceOf(InvalidMessageException.class)
        .satisfies(e -> assertThat(((InvalidMessageException) e).violations())
            .extracting(v -> v.code()).contains(ViolationCode.OOB_NOT_SUPPORTED));
  }

  @Test
  void guestAgentMessages() {
    QapiMessages qga = QapiMessages.qga(QGA);
    assertThat(qga.execute("guest-sync-delimited", c -> c.put("id", 123456789L)).toJson())
        .isEqualTo("{\"execute\":\"guest-sync-delimited\",\"arguments\":{\"id\":123456789}}");
    assertThat(qga.reply("guest-sync-delimited", r -> r.returns(123456789L)).toJson())
        .isEqualTo("{\"return\":123456789}");
    qga.execute("guest-file-open", c -> {
      c.put("path", "/etc/hostname");
      c.put("mode", "r");
    });
    assertThatThrownBy(() -> qga.reply("guest-get-time", r -> r.returns("now")))
        .isInstanceOf(InvalidMessageException.class)
        .hasMessageStartingWith("invalid QGA reply to 'guest-get-time':");
  }
}
