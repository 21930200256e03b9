package io.qapi4j.dsl;

import static io.qapi4j.dsl.Builtins.ANY;
import static io.qapi4j.dsl.Builtins.BOOL;
import static io.qapi4j.dsl.Builtins.INT;
import static io.qapi4j.dsl.Builtins.STR;
import static io.qapi4j.dsl.Builtins.UINT16;
import static io.qapi4j.dsl.Builtins.arrayOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.model.AlternateType;
import io.qapi4j.model.Diagnostic;
import io.qapi4j.model.Schema;
import io.qapi4j.model.SchemaDiff;
import io.qapi4j.model.SchemaResult;
import io.qapi4j.model.StructType;
import io.qapi4j.model.UnionType;
import io.qapi4j.model.check.SchemaChecker;
import io.qapi4j.model.parse.Dialect;
import io.qapi4j.model.parse.ParsedExpression;
import io.qapi4j.model.parse.ParsedSchema;
import io.qapi4j.model.parse.SchemaParser;
import io.qapi4j.model.parse.SourceLoader;
import io.qapi4j.model.print.SchemaPrinter;
import io.qapi4j.model.read.SchemaReader;
import io.qapi4j.testing.SharedData;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A substantial part of the QEMU 1.7-era QMP schema ({@code testdata/seeds/001-...}) written in
 * the Java DSL, compat dialect: every kind of type the file has — structs with a base, nested
 * structs written in place, simple unions (with object and non-object branches), the flat union
 * {@code BlockdevOptions} discriminated by a {@code 'str'} member, the anonymous union {@code
 * BlockdevRef}, {@code 'gen': 'no'} commands with {@code 'visitor'} and {@code '**'} — compared
 * with what the reader makes of the same definitions of the file.
 *
 * <p>Old syntax the DSL writes differently but the model does not tell apart: {@code 'type'}
 * (the DSL writes {@code 'struct'}), {@code 'gen': 'no'} ({@link CommandBuilder#noGen()}
 * writes {@code false}), and {@code 'visitor'} / {@code '**'} (the model reads them as {@code
 * any}: {@link Builtins#ANY}).
 */
class QmpSeed17JavaTest {

  static final String SEED = "seeds/001-qmp-qapi-schema-v1.7-era.json";
  /** The definitions rebuilt below. */
  static final Set<String> NAMES = Set.of(
      "ErrorClass", "add_client", "NameInfo", "query-name", "VersionInfo", "query-version",
      "SnapshotInfo", "ImageInfoSpecificQCow2", "ImageInfoSpecificVmdk", "ImageInfoSpecific",
      "ImageInfo", "ImageCheck", "BlockdevOnError", "MirrorSyncMode", "NewImageMode",
      "BlockdevSnapshot", "BlockdevSnapshotInternal", "DriveBackup", "Abort", "TransactionAction",
      "transaction", "blockdev-snapshot-sync", "drive-backup", "qom-get", "qom-set", "netdev_add",
      "PciMemoryRange", "PciMemoryRegion", "PciBridgeInfo", "PciDeviceInfo", "PciInfo",
      "query-pci", "String", "InetSocketAddress", "UnixSocketAddress", "SocketAddress", "QKeyCode",
      "KeyValue", "send-key", "BlockdevDiscardOptions", "BlockdevAioOptions",
      "BlockdevCacheOptions", "BlockdevOptionsBase", "BlockdevOptionsFile", "BlockdevOptionsVVFAT",
      "BlockdevOptionsGenericFormat", "BlockdevOptionsGenericCOWFormat", "BlockdevOptionsQcow2",
      "BlockdevOptions", "BlockdevRef", "blockdev-add");


  static SchemaResult buildInJava() {
    return QapiSchema.build(Dialect.COMPAT, s -> {
      // Types used before their definition (the 1.7 file relies on that, as QAPI allows).
      TypeRef imageInfoRef = s.forward("ImageInfo");
      TypeRef pciDeviceInfoRef = s.forward("PciDeviceInfo");
      TypeRef blockdevRefRef = s.forward("BlockdevRef");
      s.enumType("ErrorClass", "GenericError", "CommandNotFound", "DeviceEncrypted",
          "DeviceNotActive", "DeviceNotFound", "KVMMissingCap");
      s.command("add_client", c -> {
        c.member("protocol", STR);
        c.member("fdname", STR);
        c.optional("skipauth", BOOL);
        c.optional("tls", BOOL);
      });
      StructRef nameInfo = s.struct("NameInfo", st -> st.optional("name", STR));
      s.command("query-name", c -> c.returns(nameInfo));
      StructRef versionInfo = s.struct("VersionInfo", st -> {
        st.nested("qemu", n -> {
          n.member("major", INT);
          n.member("minor", INT);
          n.member("micro", INT);
        });
        st.member("package", STR);
      });
      s.command("query-version", c -> c.returns(versionInfo));
      StructRef snapshotInfo = s.struct("SnapshotInfo", st -> {
        st.member("id", STR);
        st.member("name", STR);
        st.member("vm-state-size", INT);
        st.member("date-sec", INT);
        st.member("date-nsec", INT);
        st.member("vm-clock-sec", INT);
        st.member("vm-clock-nsec", INT);
      });
      StructRef imageInfoSpecificQCow2 = s.struct("ImageInfoSpecificQCow2", st -> {
        st.member("compat", STR);
        st.optional("lazy-refcounts", BOOL);
      });
      StructRef imageInfoSpecificVmdk = s.struct("ImageInfoSpecificVmdk", st -> {
        st.member("create-type", STR);
        st.member("cid", INT);
        st.member("parent-cid", INT);
        st.member("extents", arrayOf(imageInfoRef));
      });
      UnionRef imageInfoSpecific = s.simpleUnion("ImageInfoSpecific", u -> {
        u.branch("qcow2", imageInfoSpecificQCow2);
        u.branch("vmdk", imageInfoSpecificVmdk);
      });
      s.struct("ImageInfo", st -> {
        st.member("filename", STR);
        st.member("format", STR);
        st.optional("dirty-flag", BOOL);
        st.optional("actual-size", INT);
        st.member("virtual-size", INT);
        st.optional("cluster-size", INT);
        st.optional("encrypted", BOOL);
        st.optional("compressed", BOOL);
        st.optional("backing-filename", STR);
        st.optional("full-backing-filename", STR);
        st.optional("backing-filename-format", STR);
        st.optional("snapshots", arrayOf(snapshotInfo));
        st.optional("backing-image", st.self());
        st.optional("format-specific", imageInfoSpecific);
      });
      s.struct("ImageCheck", st -> {
        st.member("filename", STR);
        st.member("format", STR);
        st.member("check-errors", INT);
        st.optional("image-end-offset", INT);
        st.optional("corruptions", INT);
        st.optional("leaks", INT);
        st.optional("corruptions-fixed", INT);
        st.optional("leaks-fixed", INT);
        st.optional("total-clusters", INT);
        st.optional("allocated-clusters", INT);
        st.optional("fragmented-clusters", INT);
        st.optional("compressed-clusters", INT);
      });
      StructRef pciMemoryRange = s.struct("PciMemoryRange", st -> {
        st.member("base", INT);
        st.member("limit", INT);
      });
      StructRef pciMemoryRegion = s.struct("PciMemoryRegion", st -> {
        st.member("bar", INT);
        st.member("type", STR);
        st.member("address", INT);
        st.member("size", INT);
        st.optional("prefetch", BOOL);
        st.optional("mem_type_64", BOOL);
      });
      StructRef pciBridgeInfo = s.struct("PciBridgeInfo", st -> {
        st.nested("bus", n -> {
          n.member("number", INT);
          n.member("secondary", INT);
          n.member("subordinate", INT);
          n.member("io_range", pciMemoryRange);
          n.member("memory_range", pciMemoryRange);
          n.member("prefetchable_range", pciMemoryRange);
        });
        st.optional("devices", arrayOf(pciDeviceInfoRef));
      });
      StructRef pciDeviceInfo = s.struct("PciDeviceInfo", st -> {
        st.member("bus", INT);
        st.member("slot", INT);
        st.member("function", INT);
        st.nested("class_info", n -> {
          n.optional("desc", STR);
          n.member("class", INT);
        });
        st.nested("id", n -> {
          n.member("device", INT);
          n.member("vendor", INT);
        });
        st.optional("irq", INT);
        st.member("qdev_id", STR);
        st.optional("pci_bridge", pciBridgeInfo);
        st.member("regions", arrayOf(pciMemoryRegion));
      });
      StructRef pciInfo = s.struct("PciInfo", st -> {
        st.member("bus", INT);
        st.member("devices", arrayOf(pciDeviceInfo));
      });
      s.command("query-pci", c -> c.returns(arrayOf(pciInfo)));
      EnumRef blockdevOnError = s.enumType("BlockdevOnError", "report", "ignore", "enospc", "stop");
      EnumRef mirrorSyncMode = s.enumType("MirrorSyncMode", "top", "full", "none");
      EnumRef newImageMode = s.enumType("NewImageMode", "existing", "absolute-paths");
      StructRef blockdevSnapshot = s.struct("BlockdevSnapshot", st -> {
        st.member("device", STR);
        st.member("snapshot-file", STR);
        st.optional("format", STR);
        st.optional("mode", newImageMode);
      });
      StructRef blockdevSnapshotInternal = s.struct("BlockdevSnapshotInternal", st -> {
        st.member("device", STR);
        st.member("name", STR);
      });
      StructRef driveBackup = s.struct("DriveBackup", st -> {
        st.member("device", STR);
        st.member("target", STR);
        st.optional("format", STR);
        st.member("sync", mirrorSyncMode);
        st.optional("mode", newImageMode);
        st.optional("speed", INT);
        st.optional("on-source-error", blockdevOnError);
        st.optional("on-target-error", blockdevOnError);
      });
      StructRef abort = s.struct("Abort");
      UnionRef transactionAction = s.simpleUnion("TransactionAction", u -> {
        u.branch("blockdev-snapshot-sync", blockdevSnapshot);
        u.branch("drive-backup", driveBackup);
        u.branch("abort", abort);
        u.branch("blockdev-snapshot-internal-sync", blockdevSnapshotInternal);
      });
      s.command("transaction", c -> c.member("actions", arrayOf(transactionAction)));
      s.command("blockdev-snapshot-sync", c -> c.data(blockdevSnapshot));
      s.command("drive-backup", c -> c.data(driveBackup));
      s.command("qom-get", c -> {
        c.member("path", STR);
        c.member("property", STR);
        c.returns(ANY);
        c.noGen();
      });
      s.command("qom-set", c -> {
        c.member("path", STR);
        c.member("property", STR);
        c.member("value", ANY);
        c.noGen();
      });
      s.command("netdev_add", c -> {
        c.member("type", STR);
        c.member("id", STR);
        c.optional("props", ANY);
        c.noGen();
      });
      StructRef string = s.struct("String", st -> st.member("str", STR));
      StructRef inetSocketAddress = s.struct("InetSocketAddress", st -> {
        st.member("host", STR);
        st.member("port", STR);
        st.optional("to", UINT16);
        st.optional("ipv4", BOOL);
        st.optional("ipv6", BOOL);
      });
      StructRef unixSocketAddress = s.struct("UnixSocketAddress", st -> st.member("path", STR));
      s.simpleUnion("SocketAddress", u -> {
        u.branch("inet", inetSocketAddress);
        u.branch("unix", unixSocketAddress);
        u.branch("fd", string);
      });
      EnumRef qKeyCode = s.enumType("QKeyCode", "shift", "shift_r", "alt", "alt_r", "altgr",
          "altgr_r", "ctrl", "ctrl_r", "menu", "esc", "1", "2", "3", "4", "5", "6", "7", "8", "9",
          "0", "minus", "equal", "backspace", "tab", "q", "w", "e", "r", "t", "y", "u", "i", "o",
          "p", "bracket_left", "bracket_right", "ret", "a", "s", "d", "f", "g", "h", "j", "k", "l",
          "semicolon", "apostrophe", "grave_accent", "backslash", "z", "x", "c", "v", "b", "n", "m",
          "comma", "dot", "slash", "asterisk", "spc", "caps_lock", "f1", "f2", "f3", "f4", "f5",
          "f6", "f7", "f8", "f9", "f10", "num_lock", "scroll_lock", "kp_divide", "kp_multiply",
          "kp_subtract", "kp_add", "kp_enter", "kp_decimal", "sysrq", "kp_0", "kp_1", "kp_2",
          "kp_3", "kp_4", "kp_5", "kp_6", "kp_7", "kp_8", "kp_9", "less", "f11", "f12", "print",
          "home", "pgup", "pgdn", "end", "left", "up", "down", "right", "insert", "delete", "stop",
          "again", "props", "undo", "front", "copy", "open", "paste", "find", "cut", "lf", "help",
          "meta_l", "meta_r", "compose");
      UnionRef keyValue = s.simpleUnion("KeyValue", u -> {
        u.branch("number", INT);
        u.branch("qcode", qKeyCode);
      });
      s.command("send-key", c -> {
        c.member("keys", arrayOf(keyValue));
        c.optional("hold-time", INT);
      });
      EnumRef blockdevDiscardOptions = s.enumType("BlockdevDiscardOptions", "ignore", "unmap");
      EnumRef blockdevAioOptions = s.enumType("BlockdevAioOptions", "threads", "native");
      StructRef blockdevCacheOptions = s.struct("BlockdevCacheOptions", st -> {
        st.optional("writeback", BOOL);
        st.optional("direct", BOOL);
        st.optional("no-flush", BOOL);
      });
      StructRef blockdevOptionsBase = s.struct("BlockdevOptionsBase", st -> {
        st.member("driver", STR);
        st.optional("id", STR);
        st.optional("discard", blockdevDiscardOptions);
        st.optional("cache", blockdevCacheOptions);
        st.optional("aio", blockdevAioOptions);
        st.optional("rerror", blockdevOnError);
        st.optional("werror", blockdevOnError);
        st.optional("read-only", BOOL);
      });
      StructRef blockdevOptionsFile =
          s.struct("BlockdevOptionsFile", st -> st.member("filename", STR));
      StructRef blockdevOptionsVVFAT = s.struct("BlockdevOptionsVVFAT", st -> {
        st.member("dir", STR);
        st.optional("fat-type", INT);
        st.optional("floppy", BOOL);
        st.optional("rw", BOOL);
      });
      StructRef blockdevOptionsGenericFormat =
          s.struct("BlockdevOptionsGenericFormat", st -> st.member("file", blockdevRefRef));
      StructRef blockdevOptionsGenericCOWFormat =
          s.struct("BlockdevOptionsGenericCOWFormat", st -> {
        st.base(blockdevOptionsGenericFormat);
        st.optional("backing", blockdevRefRef);
      });
      StructRef blockdevOptionsQcow2 = s.struct("BlockdevOptionsQcow2", st -> {
        st.base(blockdevOptionsGenericCOWFormat);
        st.optional("lazy-refcounts", BOOL);
        st.optional("pass-discard-request", BOOL);
        st.optional("pass-discard-snapshot", BOOL);
        st.optional("pass-discard-other", BOOL);
      });
      UnionRef blockdevOptions = s.union("BlockdevOptions", u -> {
        u.base(blockdevOptionsBase);
        u.discriminator(blockdevOptionsBase.member("driver"));
        u.branch("file", blockdevOptionsFile);
        u.branch("http", blockdevOptionsFile);
        u.branch("https", blockdevOptionsFile);
        u.branch("ftp", blockdevOptionsFile);
        u.branch("ftps", blockdevOptionsFile);
        u.branch("tftp", blockdevOptionsFile);
        u.branch("vvfat", blockdevOptionsVVFAT);
        u.branch("bochs", blockdevOptionsGenericFormat);
        u.branch("cloop", blockdevOptionsGenericFormat);
        u.branch("cow", blockdevOptionsGenericCOWFormat);
        u.branch("dmg", blockdevOptionsGenericFormat);
        u.branch("parallels", blockdevOptionsGenericFormat);
        u.branch("qcow", blockdevOptionsGenericCOWFormat);
        u.branch("qcow2", blockdevOptionsQcow2);
        u.branch("qed", blockdevOptionsGenericCOWFormat);
        u.branch("raw", blockdevOptionsGenericFormat);
        u.branch("vdi", blockdevOptionsGenericFormat);
        u.branch("vhdx", blockdevOptionsGenericFormat);
        u.branch("vmdk", blockdevOptionsGenericCOWFormat);
        u.branch("vpc", blockdevOptionsGenericFormat);
      });
      s.alternate("BlockdevRef", a -> {
        a.anonymousUnion();
        a.branch("definition", blockdevOptions);
        a.branch("reference", STR);
      });
      s.command("blockdev-add", c -> c.member("options", blockdevOptions));

    });
  }

  /** What the reader makes of the same definitions of the seed, read and checked alike. */
  static Schema readerModel() {
    String path = SharedData.testdata(SEED).toString();
    ParsedSchema file = ((SchemaParser.Result.Parsed)
        SchemaParser.parse(path, Dialect.COMPAT, SourceLoader.fileSystem())).schema();
    List<ParsedExpression> picked = file.expressions().stream()
        .filter(e -> NAMES.contains(nameOf(e)))
        .toList();
    assertThat(picked).hasSize(NAMES.size());
    return SchemaChecker.check(new ParsedSchema(picked, List.of(), file.modules(), file.pragmas(),
        List.of()), Dialect.COMPAT).orElseThrow();
  }

  private static String nameOf(ParsedExpression e) {
    return Stream.of("enum", "struct", "type", "union", "alternate", "command", "event")
        .map(e.value()::string)
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void javaDslBuildsTheModelTheReaderMakes() {
    SchemaResult built = buildInJava();
    assertThat(built.errors()).extracting(Diagnostic::text).isEmpty();
    Schema schema = built.orElseThrow();
    assertThat(SchemaDiff.builder().ignoreDocs(true).build().compare(readerModel(), schema))
        .isEmpty();
  }

  @Test
  void everyKindOfTypeOfTheFileIsThere() {
    Schema schema = buildInJava().orElseThrow();
    UnionType blockdevOptions = (UnionType) schema.type("BlockdevOptions").orElseThrow();
    assertThat(blockdevOptions.isFlat()).isTrue();
    assertThat(blockdevOptions.discriminator()).isEqualTo("driver");
    // A 'str' discriminator: the compat checker makes an implicit enum of the branch names.
    assertThat(blockdevOptions.tagType().implicit()).isTrue();
    assertThat(blockdevOptions.tagType().valueNames()).hasSize(20).contains("qcow2", "vpc");
    assertThat(((AlternateType) schema.type("BlockdevRef").orElseThrow()).anonymousUnion())
        .isTrue();
    assertThat(((UnionType) schema.type("KeyValue").orElseThrow()).unionKind())
        .isEqualTo(UnionType.Kind.SIMPLE);
    StructType qcow2 = (StructType) schema.type("BlockdevOptionsQcow2").orElseThrow();
    assertThat(qcow2.base()).isNotNull();
    assertThat(qcow2.allMembers()).extracting(m -> m.name())
        .startsWith("file", "backing", "lazy-refcounts");
    assertThat(schema.type("q_obj_VersionInfo-qemu")).isPresent();
    assertThat(schema.command("qom-get").orElseThrow().gen()).isFalse();
  }

  @Test
  void printedItReadsBackEqual() {
    Schema schema = buildInJava().orElseThrow();
    String printed = SchemaPrinter.builder().build().print(schema);
    Schema reread = SchemaReader.compat().readText("qmp-1.7-from-dsl.json", printed)
        .orElseThrow();
    assertThat(SchemaDiff.builder().ignoreDocs(true).build().compare(schema, reread)).isEmpty();
  }
}
