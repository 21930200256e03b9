package io.qapi4j.dsl

import io.qapi4j.dsl.Builtins.INT
import io.qapi4j.dsl.Builtins.STR
import io.qapi4j.dsl.Builtins.UINT64
import io.qapi4j.dsl.Builtins.arrayOf
import io.qapi4j.dsl.Conditions.all
import io.qapi4j.dsl.Conditions.not
import io.qapi4j.dsl.Conditions.symbol
import io.qapi4j.model.Condition
import io.qapi4j.model.Feature
import io.qapi4j.model.SourceLocation
import io.qapi4j.model.UnionType
import io.qapi4j.validator.MessageKind
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** The DSL from Kotlin: receiver blocks, handles, problems at Kotlin call sites, messages. */
class KotlinDslTest {

    private val file = "io/qapi4j/dsl/KotlinDslTest.kt"

    private fun line(marker: String) = SourceLines.lineOf("kotlin/$file", marker)

    @Test
    fun `a modern schema with every construct`() {
        val schema = qapiSchema {
            pragmas { commandReturnsExceptions("query-answer") }
            val driver = enumType("Driver") {
                value("file")
                value("nbd") { condition(symbol("CONFIG_NBD")) }
                value("old") { feature("deprecated") }
            }
            val base = struct("DeviceBase") {
                member("driver", driver)
                optional("id", STR) { feature("unstable") }
            }
            val file = struct("DeviceFile") { member("filename", STR) }
            val nbd = struct("DeviceNbd") {
                member("host", STR)
                optional("port", INT) { condition(all(symbol("CONFIG_NBD"), not(symbol("CONFIG_WIN32")))) }
            }
            val device = union("Device") {
                discriminator(base.member("driver"))
                branch(driver.value("file"), file)
                branch(driver.value("nbd"), nbd) { condition(symbol("CONFIG_NBD")) }
                feature("my-feature", symbol("CONFIG_X"))
            }
            val sizeSpec = struct("SizeSpec") {
                member("value", UINT64)
                member("unit", STR)
            }
            val size = alternate("Size") {
                branch("bytes", UINT64)
                branch("spec", sizeSpec)
            }
            command("device-add") {
                boxed(device)
                allowPreconfig()
            }
            command("query-answer") {
                returns(INT)
                allowOob()
            }
            command("device-list") { returns(arrayOf(device)) }
            event("DEVICE_RESIZED") {
                member("size", size)
                condition(symbol("CONFIG_RESIZE"))
            }
        }.orElseThrow()

        val device = schema.type("Device").orElseThrow() as UnionType
        assertThat(device.isFlat).isTrue()
        assertThat(device.base()!!.name()).isEqualTo("DeviceBase")
        assertThat(device.branch("nbd").orElseThrow().condition()).isEqualTo(Condition.Symbol("CONFIG_NBD"))
        assertThat(device.features()).containsExactly(Feature("my-feature", Condition.Symbol("CONFIG_X")))
        assertThat(device.tagType().value("old").orElseThrow().hasFeature("deprecated")).isTrue()
        val add = schema.command("device-add").orElseThrow()
        assertThat(add.boxed()).isTrue()
        assertThat(add.allowPreconfig()).isTrue()
        assertThat(schema.command("query-answer").orElseThrow().allowOob()).isTrue()
        assertThat(schema.event("DEVICE_RESIZED").orElseThrow().condition())
            .isEqualTo(Condition.Symbol("CONFIG_RESIZE"))
    }

    @Test
    fun `problems point at the Kotlin line`() {
        val result = qapiSchema {
            struct("Point") {
                member("x", INT)
                member("x", INT) // <-- duplicate
            }
            val mode = enumType("Mode", "on", "off")
            alternate("Setting") { // <-- alternate
                branch("name", STR)
                branch("mode", mode)
            }
        }
        assertThat(result.errors().map { it.location() to it.message() }).containsExactly(
            SourceLocation.of(file, line("duplicate")) to "duplicate key 'x'",
            SourceLocation.of(file, line("alternate")) to "branch 'mode' can't be distinguished from 'name'",
        )
    }

    @Test
    fun `handles refuse names that do not exist`() {
        qapiSchema {
            val colour = enumType("Colour", "red", "green")
            val point = struct("Point") { member("x", INT) }
            assertThat(assertThrows<IllegalArgumentException> { colour.value("gren") })
                .hasMessage("enum 'Colour' has no value 'gren' (did you mean 'green'?)")
            assertThat(assertThrows<IllegalArgumentException> { point.member("y") })
                .hasMessage("struct 'Point' has no member 'y'")
            assertThat(assertThrows<IllegalArgumentException> { point.member("xx") })
                .hasMessage("struct 'Point' has no member 'xx'")
        }
    }

    @Test
    fun `messages from Kotlin`() {
        val schema = qapiSchema {
            command("device-resize") {
                member("id", STR)
                member("size", UINT64)
            }
        }.orElseThrow()
        val qmp = qmpMessages(schema)
        val resize = qmp.execute("device-resize") {
            id(1)
            put("id", "disk0")
            put("size", ULong.MAX_VALUE)
        }
        assertThat(resize.kind()).isEqualTo(MessageKind.COMMAND)
        assertThat(resize.toJson())
            .isEqualTo("""{"execute":"device-resize","arguments":{"id":"disk0","size":18446744073709551615},"id":1}""")
        val e = assertThrows<InvalidMessageException> {
            qmp.execute("device-resize") {
                put("id", "disk0")
                put("sise", 1)
            }
        }
        assertThat(e.errors()).containsExactlyInAnyOrder("Parameter 'sise' is unexpected", "Parameter 'size' is missing")
        assertThat(e).hasMessageContaining("(did you mean 'size'?)")
    }
}
