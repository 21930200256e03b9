package io.qapi4j.dsl

import io.qapi4j.dsl.Builtins.ANY
import io.qapi4j.dsl.Builtins.BOOL
import io.qapi4j.dsl.Builtins.INT
import io.qapi4j.dsl.Builtins.STR
import io.qapi4j.dsl.Builtins.UINT16
import io.qapi4j.dsl.Builtins.arrayOf
import io.qapi4j.model.SchemaDiff
import io.qapi4j.model.SchemaResult
import io.qapi4j.model.parse.Dialect
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test

/**
 * The same part of the QEMU 1.7-era QMP schema as [QmpSeed17JavaTest], written in the Kotlin
 * DSL: the model the reader makes of those definitions of the file.
 */
class QmpSeed17KotlinTest {

    private fun buildInKotlin(): SchemaResult =
        qapiSchema(Dialect.COMPAT) {
            // Types used before their definition (the 1.7 file relies on that, as QAPI allows).
            val imageInfoRef = forward("ImageInfo")
            val pciDeviceInfoRef = forward("PciDeviceInfo")
            val blockdevRefRef = forward("BlockdevRef")
            enumType("ErrorClass", "GenericError", "CommandNotFound", "DeviceEncrypted",
                    "DeviceNotActive", "DeviceNotFound", "KVMMissingCap")
            command("add_client") {
                member("protocol", STR)
                member("fdname", STR)
                optional("skipauth", BOOL)
                optional("tls", BOOL)
            }
            val nameInfo = struct("NameInfo") { optional("name", STR) }
            command("query-name") { returns(nameInfo) }
            val versionInfo = struct("VersionInfo") {
                nested("qemu") {
                    member("major", INT)
                    member("minor", INT)
                    member("micro", INT)
                }
                member("package", STR)
            }
            command("query-version") { returns(versionInfo) }
            val snapshotInfo = struct("SnapshotInfo") {
                member("id", STR)
                member("name", STR)
                member("vm-state-size", INT)
                member("date-sec", INT)
                member("date-nsec", INT)
                member("vm-clock-sec", INT)
                member("vm-clock-nsec", INT)
            }
            val imageInfoSpecificQCow2 = struct("ImageInfoSpecificQCow2") {
                member("compat", STR)
                optional("lazy-refcounts", BOOL)
            }
            val imageInfoSpecificVmdk = struct("ImageInfoSpecificVmdk") {
                member("create-type", STR)
                member("cid", INT)
                member("parent-cid", INT)
                member("extents", arrayOf(imageInfoRef))
            }
            val imageInfoSpecific = simpleUnion("ImageInfoSpecific") {
                branch("qcow2", imageInfoSpecificQCow2)
                branch("vmdk", imageInfoSpecificVmdk)
            }
            struct("ImageInfo") {
                member("filename", STR)
                member("format", STR)
                optional("dirty-flag", BOOL)
                optional("actual-size", INT)
                member("virtual-size", INT)
                optional("cluster-size", INT)
                optional("encrypted", BOOL)
                optional("compressed", BOOL)
                optional("backing-filename", STR)
                optional("full-backing-filename", STR)
                optional("backing-filename-format", STR)
                optional("snapshots", arrayOf(snapshotInfo))
                optional("backing-image", self())
                optional("format-specific", imageInfoSpecific)
            }
            struct("ImageCheck") {
                member("filename", STR)
                member("format", STR)
                member("check-errors", INT)
                optional("image-end-offset", INT)
                optional("corruptions", INT)
                optional("leaks", INT)
                optional("corruptions-fixed", INT)
                optional("leaks-fixed", INT)
                optional("total-clusters", INT)
                optional("allocated-clusters", INT)
                optional("fragmented-clusters", INT)
                optional("compressed-clusters", INT)
            }
            val pciMemoryRange = struct("PciMemoryRange") {
                member("base", INT)
                member("limit", INT)
            }
            val pciMemoryRegion = struct("PciMemoryRegion") {
                member("bar", INT)
                member("type", STR)
                member("address", INT)
                member("size", INT)
                optional("prefetch", BOOL)
                optional("mem_type_64", BOOL)
            }
            val pciBridgeInfo = struct("PciBridgeInfo") {
                nested("bus") {
                    member("number", INT)
                    member("secondary", INT)
                    member("subordinate", INT)
                    member("io_range", pciMemoryRange)
                    member("memory_range", pciMemoryRange)
                    member("prefetchable_range", pciMemoryRange)
                }
                optional("devices", arrayOf(pciDeviceInfoRef))
            }
            val pciDeviceInfo = struct("PciDeviceInfo") {
                member("bus", INT)
                member("slot", INT)
                member("function", INT)
                nested("class_info") {
                    optional("desc", STR)
                    member("class", INT)
                }
                nested("id") {
                    member("device", INT)
                    member("vendor", INT)
                }
                optional("irq", INT)
                member("qdev_id", STR)
                optional("pci_bridge", pciBridgeInfo)
                member("regions", arrayOf(pciMemoryRegion))
            }
            val pciInfo = struct("PciInfo") {
                member("bus", INT)
                member("devices", arrayOf(pciDeviceInfo))
            }
            command("query-pci") { returns(arrayOf(pciInfo)) }
            val blockdevOnError = enumType("BlockdevOnError", "report", "ignore", "enospc", "stop")
            val mirrorSyncMode = enumType("MirrorSyncMode", "top", "full", "none")
            val newImageMode = enumType("NewImageMode", "existing", "absolute-paths")
            val blockdevSnapshot = struct("BlockdevSnapshot") {
                member("device", STR)
                member("snapshot-file", STR)
                optional("format", STR)
                optional("mode", newImageMode)
            }
            val blockdevSnapshotInternal = struct("BlockdevSnapshotInternal") {
                member("device", STR)
                member("name", STR)
            }
            val driveBackup = struct("DriveBackup") {
                member("device", STR)
                member("target", STR)
                optional("format", STR)
                member("sync", mirrorSyncMode)
                optional("mode", newImageMode)
                optional("speed", INT)
                optional("on-source-error", blockdevOnError)
                optional("on-target-error", blockdevOnError)
            }
            val abort = struct("Abort")
            val transactionAction = simpleUnion("TransactionAction") {
                branch("blockdev-snapshot-sync", blockdevSnapshot)
                branch("drive-backup", driveBackup)
                branch("abort", abort)
                branch("blockdev-snapshot-internal-sync", blockdevSnapshotInternal)
            }
            command("transaction") { member("actions", arrayOf(transactionAction)) }
            command("blockdev-snapshot-sync") { data(blockdevSnapshot) }
            command("drive-backup") { data(driveBackup) }
            command("qom-get") {
                member("path", STR)
                member("property", STR)
                returns(ANY)
                noGen()
            }
            command("qom-set") {
                member("path", STR)
                member("property", STR)
                member("value", ANY)
                noGen()
            }
            command("netdev_add") {
                member("type", STR)
                member("id", STR)
                optional("props", ANY)
                noGen()
            }
            val string = struct("String") { member("str", STR) }
            val inetSocketAddress = struct("InetSocketAddress") {
                member("host", STR)
                member("port", STR)
                optional("to", UINT16)
                optional("ipv4", BOOL)
                optional("ipv6", BOOL)
            }
            val unixSocketAddress = struct("UnixSocketAddress") { member("path", STR) }
            simpleUnion("SocketAddress") {
                branch("inet", inetSocketAddress)
                branch("unix", unixSocketAddress)
                branch("fd", string)
            }
            val qKeyCode = enumType("QKeyCode", "shift", "shift_r", "alt", "alt_r", "altgr",
                    "altgr_r", "ctrl", "ctrl_r", "menu", "esc", "1", "2", "3", "4", "5", "6", "7", "8",
                    "9", "0", "minus", "equal", "backspace", "tab", "q", "w", "e", "r", "t", "y", "u",
                    "i", "o", "p", "bracket_left", "bracket_right", "ret", "a", "s", "d", "f", "g", "h",
                    "j", "k", "l", "semicolon", "apostrophe", "grave_accent", "backslash", "z", "x",
                    "c", "v", "b", "n", "m", "comma", "dot", "slash", "asterisk", "spc", "caps_lock",
                    "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9", "f10", "num_lock",
                    "scroll_lock", "kp_divide", "kp_multiply", "kp_subtract", "kp_add", "kp_enter",
                    "kp_decimal", "sysrq", "kp_0", "kp_1", "kp_2", "kp_3", "kp_4", "kp_5", "kp_6",
                    "kp_7", "kp_8", "kp_9", "less", "f11", "f12", "print", "home", "pgup", "pgdn",
                    "end", "left", "up", "down", "right", "insert", "delete", "stop", "again", "props",
                    "undo", "front", "copy", "open", "paste", "find", "cut", "lf", "help", "meta_l",
                    "meta_r", "compose")
            val keyValue = simpleUnion("KeyValue") {
                branch("number", INT)
                branch("qcode", qKeyCode)
            }
            command("send-key") {
                member("keys", arrayOf(keyValue))
                optional("hold-time", INT)
            }
            val blockdevDiscardOptions = enumType("BlockdevDiscardOptions", "ignore", "unmap")
            val blockdevAioOptions = enumType("BlockdevAioOptions", "threads", "native")
            val blockdevCacheOptions = struct("BlockdevCacheOptions") {
                optional("writeback", BOOL)
                optional("direct", BOOL)
                optional("no-flush", BOOL)
            }
            val blockdevOptionsBase = struct("BlockdevOptionsBase") {
                member("driver", STR)
                optional("id", STR)
                optional("discard", blockdevDiscardOptions)
                optional("cache", blockdevCacheOptions)
                optional("aio", blockdevAioOptions)
                optional("rerror", blockdevOnError)
                optional("werror", blockdevOnError)
                optional("read-only", BOOL)
            }
            val blockdevOptionsFile = struct("BlockdevOptionsFile") { member("filename", STR) }
            val blockdevOptionsVVFAT = struct("BlockdevOptionsVVFAT") {
                member("dir", STR)
                optional("fat-type", INT)
                optional("floppy", BOOL)
                optional("rw", BOOL)
            }
            val blockdevOptionsGenericFormat = struct("BlockdevOptionsGenericFormat") { member("file", blockdevRefRef) }
            val blockdevOptionsGenericCOWFormat = struct("BlockdevOptionsGenericCOWFormat") {
                base(blockdevOptionsGenericFormat)
                optional("backing", blockdevRefRef)
            }
            val blockdevOptionsQcow2 = struct("BlockdevOptionsQcow2") {
                base(blockdevOptionsGenericCOWFormat)
                optional("lazy-refcounts", BOOL)
                optional("pass-discard-request", BOOL)
                optional("pass-discard-snapshot", BOOL)
                optional("pass-discard-other", BOOL)
            }
            val blockdevOptions = union("BlockdevOptions") {
                base(blockdevOptionsBase)
                discriminator(blockdevOptionsBase.member("driver"))
                branch("file", blockdevOptionsFile)
                branch("http", blockdevOptionsFile)
                branch("https", blockdevOptionsFile)
                branch("ftp", blockdevOptionsFile)
                branch("ftps", blockdevOptionsFile)
                branch("tftp", blockdevOptionsFile)
                branch("vvfat", blockdevOptionsVVFAT)
                branch("bochs", blockdevOptionsGenericFormat)
                branch("cloop", blockdevOptionsGenericFormat)
                branch("cow", blockdevOptionsGenericCOWFormat)
                branch("dmg", blockdevOptionsGenericFormat)
                branch("parallels", blockdevOptionsGenericFormat)
                branch("qcow", blockdevOptionsGenericCOWFormat)
                branch("qcow2", blockdevOptionsQcow2)
                branch("qed", blockdevOptionsGenericCOWFormat)
                branch("raw", blockdevOptionsGenericFormat)
                branch("vdi", blockdevOptionsGenericFormat)
                branch("vhdx", blockdevOptionsGenericFormat)
                branch("vmdk", blockdevOptionsGenericCOWFormat)
                branch("vpc", blockdevOptionsGenericFormat)
            }
            alternate("BlockdevRef") {
                anonymousUnion()
                branch("definition", blockdevOptions)
                branch("reference", STR)
            }
            command("blockdev-add") { member("options", blockdevOptions) }
        }

    @Test
    fun `Kotlin DSL builds the model the reader makes`() {
        val built = buildInKotlin()
        assertThat(built.errors()).extracting<String> { it.text() }.isEmpty()
        val diff = SchemaDiff.builder().ignoreDocs(true).build()
        assertThat(diff.compare(QmpSeed17JavaTest.readerModel(), built.orElseThrow())).isEmpty()
    }
}
