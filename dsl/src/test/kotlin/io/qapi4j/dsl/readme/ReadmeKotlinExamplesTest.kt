package io.qapi4j.dsl.readme

import io.qapi4j.dsl.Builtins.BOOL
import io.qapi4j.dsl.Builtins.INT
import io.qapi4j.dsl.Builtins.STR
import io.qapi4j.dsl.Builtins.UINT64
import io.qapi4j.dsl.InvalidMessageException
import io.qapi4j.dsl.introspectionJson
import io.qapi4j.dsl.put
import io.qapi4j.dsl.qapiSchema
import io.qapi4j.dsl.qmpMessages
import io.qapi4j.dsl.toJsonElement
import io.qapi4j.dsl.toJsonNode
import io.qapi4j.dsl.validate
import io.qapi4j.model.Schema
import io.qapi4j.validator.QmpValidator
import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.encodeToJsonElement
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import tools.jackson.databind.JsonNode

// readme:begin kotlin-serializable
@Serializable
data class Execute<A>(val execute: String, val arguments: A, val id: String? = null)

@Serializable
data class BlockdevAdd(
    val driver: String,
    @SerialName("node-name") val nodeName: String,
    val file: String,
)
// readme:end

/** The Kotlin examples of `dsl/README.md`, compiled and run (see [ReadmeTest]). */
class ReadmeKotlinExamplesTest {

    private fun blockdevSchema(): Schema {
        // readme:begin kotlin-schema
        val schema = qapiSchema {
            val driver = enumType("BlockdevDriver", "file", "qcow2")
            val base = struct("BlockdevOptionsBase") {
                member("driver", driver)
                optional("node-name", STR)
            }
            val file = struct("BlockdevOptionsFile") { member("filename", STR) }
            val qcow2 = struct("BlockdevOptionsQcow2") {
                member("file", STR)
                optional("lazy-refcounts", BOOL) { feature("unstable") }
            }
            val options = union("BlockdevOptions") {
                discriminator(base.member("driver"))
                branch(driver.value("file"), file)
                branch(driver.value("qcow2"), qcow2)
            }
            command("blockdev-add") {
                boxed(options)
                allowPreconfig()
            }
            command("block-resize") {
                member("node-name", STR)
                member("size", UINT64)
            }
            event("BLOCK_JOB_COMPLETED") {
                member("device", STR)
                member("len", INT)
            }
        }.orElseThrow()
        // readme:end
        return schema
    }

    @Test
    fun `Kotlin and Java examples build equal schemas but for block-resize`() {
        val schema = blockdevSchema()
        assertThat(schema.command("block-resize")).isPresent()
        assertThat(schema.definitions().map { it.name() }.filter { it != "block-resize" })
            .isEqualTo(ReadmeJavaExamplesTest.blockdevSchema().definitions().map { it.name() })
    }

    @Test
    fun messages() {
        val schema = blockdevSchema()
        // readme:begin kotlin-messages
        val qmp = qmpMessages(schema)
        val add = qmp.execute("blockdev-add") {
            id("add-1")
            put("driver", "qcow2")
            put("node-name", "disk0")
            put("file", "disk0-file")
        }
        val resize = qmp.execute("block-resize") {
            put("node-name", "disk0")
            put("size", ULong.MAX_VALUE)          // 18446744073709551615, exactly
        }
        val asKotlinx: JsonObject = resize.toJsonElement()
        // readme:end
        assertThat(add.toJson()).contains("\"id\":\"add-1\"")
        assertThat(asKotlinx.toString()).contains("18446744073709551615")
        assertThrows<InvalidMessageException> { qmp.execute("blockdev-add") { put("drvier", "qcow2") } }
    }

    @Test
    fun kotlinx() {
        val schema = blockdevSchema()
        // readme:begin kotlin-kotlinx
        val command = Execute("blockdev-add", BlockdevAdd("qcow2", "disk0", "disk0-file"), id = "add-1")
        val element = Json.encodeToJsonElement(command)
        val result = QmpValidator.of(schema).validate(element)    // a JsonElement, validated directly
        check(result.valid()) { result.violations() }

        val node: JsonNode = element.toJsonNode()                 // and back: node.toJsonElement()
        val introspection: JsonArray = schema.introspectionJson() // the query-qmp-schema reply
        // readme:end
        assertThat(node.toJsonElement()).isEqualTo(element)
        assertThat(introspection).isNotEmpty()
    }
}
