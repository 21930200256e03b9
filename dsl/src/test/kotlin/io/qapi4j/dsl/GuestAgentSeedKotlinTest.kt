package io.qapi4j.dsl

import io.qapi4j.dsl.Builtins.BOOL
import io.qapi4j.dsl.Builtins.INT
import io.qapi4j.dsl.Builtins.STR
import io.qapi4j.dsl.Builtins.UINT64
import io.qapi4j.dsl.Builtins.arrayOf
import io.qapi4j.model.Diagnostic
import io.qapi4j.model.SchemaDiff
import io.qapi4j.model.SchemaResult
import io.qapi4j.model.parse.Dialect
import io.qapi4j.model.print.SchemaPrinter
import io.qapi4j.model.read.SchemaReader
import io.qapi4j.testing.SharedData
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test

/**
 * The guest agent schema of QEMU 2.5 (`testdata/seeds/004-qga-qapi-schema.json`) written in the
 * Kotlin DSL: the same model as the reader's (documentation aside), and printed it reads back
 * equal. Compat dialect, as in [GuestAgentSeedJavaTest].
 */
class GuestAgentSeedKotlinTest {

    private val diff = SchemaDiff.builder().ignoreDocs(true).build()

    private fun buildInKotlin(): SchemaResult =
        qapiSchema(Dialect.COMPAT) {
            command("guest-sync-delimited") {
                member("id", INT)
                returns(INT)
            }
            command("guest-sync") {
                member("id", INT)
                returns(INT)
            }
            command("guest-ping")
            command("guest-get-time") { returns(INT) }
            command("guest-set-time") { optional("time", INT) }
            val guestAgentCommandInfo = struct("GuestAgentCommandInfo") {
                member("name", STR)
                member("enabled", BOOL)
                member("success-response", BOOL)
            }
            val guestAgentInfo = struct("GuestAgentInfo") { // <-- GuestAgentInfo
                member("version", STR)
                member("supported_commands", arrayOf(guestAgentCommandInfo))
            }
            command("guest-info") { returns(guestAgentInfo) }
            command("guest-shutdown") {
                optional("mode", STR)
                noSuccessResponse()
            }
            command("guest-file-open") {
                member("path", STR)
                optional("mode", STR)
                returns(INT)
            }
            command("guest-file-close") { member("handle", INT) }
            val guestFileRead = struct("GuestFileRead") {
                member("count", INT)
                member("buf-b64", STR)
                member("eof", BOOL)
            }
            command("guest-file-read") {
                member("handle", INT)
                optional("count", INT)
                returns(guestFileRead)
            }
            val guestFileWrite = struct("GuestFileWrite") {
                member("count", INT)
                member("eof", BOOL)
            }
            command("guest-file-write") {
                member("handle", INT)
                member("buf-b64", STR)
                optional("count", INT)
                returns(guestFileWrite)
            }
            val guestFileSeek = struct("GuestFileSeek") {
                member("position", INT)
                member("eof", BOOL)
            }
            command("guest-file-seek") {
                member("handle", INT)
                member("offset", INT)
                member("whence", INT)
                returns(guestFileSeek)
            }
            command("guest-file-flush") { member("handle", INT) }
            val guestFsfreezeStatus = enumType("GuestFsfreezeStatus", "thawed", "frozen")
            command("guest-fsfreeze-status") { returns(guestFsfreezeStatus) }
            command("guest-fsfreeze-freeze") { returns(INT) }
            command("guest-fsfreeze-freeze-list") {
                optional("mountpoints", arrayOf(STR))
                returns(INT)
            }
            command("guest-fsfreeze-thaw") { returns(INT) }
            val guestFilesystemTrimResult = struct("GuestFilesystemTrimResult") {
                member("path", STR)
                optional("trimmed", INT)
                optional("minimum", INT)
                optional("error", STR)
            }
            val guestFilesystemTrimResponse = struct("GuestFilesystemTrimResponse") { member("paths", arrayOf(guestFilesystemTrimResult)) }
            command("guest-fstrim") {
                optional("minimum", INT)
                returns(guestFilesystemTrimResponse)
            }
            command("guest-suspend-disk") { noSuccessResponse() }
            command("guest-suspend-ram") { noSuccessResponse() }
            command("guest-suspend-hybrid") { noSuccessResponse() }
            val guestIpAddressType = enumType("GuestIpAddressType", "ipv4", "ipv6")
            val guestIpAddress = struct("GuestIpAddress") {
                member("ip-address", STR)
                member("ip-address-type", guestIpAddressType)
                member("prefix", INT)
            }
            val guestNetworkInterface = struct("GuestNetworkInterface") {
                member("name", STR)
                optional("hardware-address", STR)
                optional("ip-addresses", arrayOf(guestIpAddress))
            }
            command("guest-network-get-interfaces") { returns(arrayOf(guestNetworkInterface)) }
            val guestLogicalProcessor = struct("GuestLogicalProcessor") {
                member("logical-id", INT)
                member("online", BOOL)
                optional("can-offline", BOOL)
            }
            command("guest-get-vcpus") { returns(arrayOf(guestLogicalProcessor)) }
            command("guest-set-vcpus") {
                member("vcpus", arrayOf(guestLogicalProcessor))
                returns(INT)
            }
            val guestDiskBusType = enumType("GuestDiskBusType", "ide", "fdc", "scsi", "virtio",
                    "xen", "usb", "uml", "sata", "sd", "unknown", "ieee1394", "ssa", "fibre", "raid",
                    "iscsi", "sas", "mmc", "virtual", "file-backed-virtual")
            val guestPCIAddress = struct("GuestPCIAddress") {
                member("domain", INT)
                member("bus", INT)
                member("slot", INT)
                member("function", INT)
            }
            val guestDiskAddress = struct("GuestDiskAddress") {
                member("pci-controller", guestPCIAddress)
                member("bus-type", guestDiskBusType)
                member("bus", INT)
                member("target", INT)
                member("unit", INT)
            }
            val guestFilesystemInfo = struct("GuestFilesystemInfo") {
                member("name", STR)
                member("mountpoint", STR)
                member("type", STR)
                member("disk", arrayOf(guestDiskAddress))
            }
            command("guest-get-fsinfo") { returns(arrayOf(guestFilesystemInfo)) }
            command("guest-set-user-password") {
                member("username", STR)
                member("password", STR)
                member("crypted", BOOL)
            }
            val guestMemoryBlock = struct("GuestMemoryBlock") {
                member("phys-index", UINT64)
                member("online", BOOL)
                optional("can-offline", BOOL)
            }
            command("guest-get-memory-blocks") { returns(arrayOf(guestMemoryBlock)) }
            val guestMemoryBlockResponseType = enumType("GuestMemoryBlockResponseType", "success",
                    "not-found", "operation-not-supported", "operation-failed")
            val guestMemoryBlockResponse = struct("GuestMemoryBlockResponse") {
                member("phys-index", UINT64)
                member("response", guestMemoryBlockResponseType)
                optional("error-code", INT)
            }
            command("guest-set-memory-blocks") {
                member("mem-blks", arrayOf(guestMemoryBlock))
                returns(arrayOf(guestMemoryBlockResponse))
            }
            val guestMemoryBlockInfo = struct("GuestMemoryBlockInfo") { member("size", UINT64) }
            command("guest-get-memory-block-info") { returns(guestMemoryBlockInfo) }
            val guestExecStatus = struct("GuestExecStatus") {
                member("exited", BOOL)
                optional("exitcode", INT)
                optional("signal", INT)
                optional("out-data", STR)
                optional("err-data", STR)
                optional("out-truncated", BOOL)
                optional("err-truncated", BOOL)
            }
            command("guest-exec-status") {
                member("pid", INT)
                returns(guestExecStatus)
            }
            val guestExec = struct("GuestExec") { member("pid", INT) }
            command("guest-exec") {
                member("path", STR)
                optional("arg", arrayOf(STR))
                optional("env", arrayOf(STR))
                optional("input-data", STR)
                optional("capture-output", BOOL)
                returns(guestExec)
            }
        }

    @Test
    fun `Kotlin DSL builds the model the reader makes`() {
        val expected = SchemaReader.compat()
            .read(SharedData.testdata("seeds/004-qga-qapi-schema.json")).orElseThrow()
        val built = buildInKotlin()

        assertThat(built.errors()).extracting<String> { it.text() }.isEmpty()
        assertThat(diff.compare(expected, built.orElseThrow())).isEmpty()
    }

    @Test
    fun `Kotlin and Java DSL build equal models`() {
        val java = GuestAgentSeedJavaTest.buildInJava().orElseThrow()
        assertThat(SchemaDiff.differences(java, buildInKotlin().orElseThrow())).isEmpty()
    }

    @Test
    fun `printed it reads back equal`() {
        val schema = buildInKotlin().orElseThrow()
        val printed = SchemaPrinter.builder().build().print(schema)
        val reread = SchemaReader.compat().readText("qga-from-kotlin.json", printed).orElseThrow()
        assertThat(diff.compare(schema, reread)).isEmpty()
    }

    @Test
    fun `diagnostics point at the Kotlin file`() {
        val warning: Diagnostic = buildInKotlin().warnings().first { "supported_commands" in it.message() }
        assertThat(warning.location().file()).isEqualTo("io/qapi4j/dsl/GuestAgentSeedKotlinTest.kt")
        assertThat(warning.location().line())
            .isEqualTo(SourceLines.lineOf("kotlin/io/qapi4j/dsl/GuestAgentSeedKotlinTest.kt", "GuestAgentInfo"))
    }
}
