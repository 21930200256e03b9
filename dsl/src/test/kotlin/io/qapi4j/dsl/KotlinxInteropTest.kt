package io.qapi4j.dsl

import io.qapi4j.dsl.Builtins.ANY
import io.qapi4j.dsl.Builtins.BOOL
import io.qapi4j.dsl.Builtins.INT16
import io.qapi4j.dsl.Builtins.INT64
import io.qapi4j.dsl.Builtins.INT8
import io.qapi4j.dsl.Builtins.NUMBER
import io.qapi4j.dsl.Builtins.SIZE
import io.qapi4j.dsl.Builtins.STR
import io.qapi4j.dsl.Builtins.UINT32
import io.qapi4j.dsl.Builtins.UINT64
import io.qapi4j.dsl.Builtins.arrayOf
import io.qapi4j.model.Schema
import io.qapi4j.validator.QmpValidator
import io.qapi4j.validator.Violation
import java.math.BigDecimal
import java.math.BigInteger
import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.decodeFromJsonElement
import kotlinx.serialization.json.encodeToJsonElement
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import kotlinx.serialization.json.put
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import tools.jackson.databind.DeserializationFeature
import tools.jackson.databind.JsonNode
import tools.jackson.databind.json.JsonMapper
import tools.jackson.databind.node.BigIntegerNode
import tools.jackson.databind.node.DecimalNode
import tools.jackson.databind.node.IntNode
import tools.jackson.databind.node.LongNode

@Serializable
data class Execute<A>(val execute: String, val arguments: A, val id: Long? = null)

@Serializable
data class DeviceResize(val id: String, val size: ULong)

@Serializable
data class MisspeltResize(val id: String, @SerialName("sise") val size: Long)

@Serializable
data class Event<D>(val event: String, val data: D, val timestamp: Timestamp)

@Serializable
data class Timestamp(val seconds: Long, val microseconds: Long)

@Serializable
data class DeviceResized(val id: String, val size: ULong)

/**
 * kotlinx-serialization interop: JsonElement and Jackson trees convert both ways without loss
 * (seeded property tests over random trees), a JsonElement validates directly, `@Serializable`
 * classes encoded by kotlinx validate as QMP messages, and schemas and messages export as
 * JsonElements.
 */
class KotlinxInteropTest {

    private val two64 = BigInteger.TWO.pow(64)

    private val schema: Schema = qapiSchema {
        command("device-resize") {
            member("id", STR)
            member("size", UINT64)
        }
        command("set") {
            optional("i8", INT8)
            optional("i16", INT16)
            optional("i64", INT64)
            optional("u32", UINT32)
            optional("u64", UINT64)
            optional("sz", SIZE)
            optional("n", NUMBER)
            optional("s", STR)
            optional("b", BOOL)
            optional("a", ANY)
            optional("list", arrayOf(INT64))
        }
        event("DEVICE_RESIZED") {
            member("id", STR)
            member("size", UINT64)
        }
    }.orElseThrow()

    private val validator = QmpValidator.of(schema)

    // ------------------------------------------------------------------ properties

    @Test
    fun `kotlinx to Jackson and back is the identity`() = RandomJson.forAll("element round trip") { r ->
        val element = r.element()
        assertThat(element.toJsonNode().toJsonElement()).isEqualTo(element)
    }

    @Test
    fun `Jackson to kotlinx and back is the identity`() = RandomJson.forAll("node round trip") { r ->
        val node = r.node()
        assertThat(node.toJsonElement().toJsonNode()).isEqualTo(node)
    }

    @Test
    fun `doubles keep their value`() = RandomJson.forAll("double round trip") { r ->
        val node = r.node(doubles = true)
        val back = node.toJsonElement().toJsonNode()
        assertThat(sameJson(node, back)).`as`("%s vs %s", node, back).isTrue()
    }

    @Test
    fun `each library reads what the other writes of a converted tree`() = RandomJson.forAll("wire") { r ->
        // kotlinx element -> Jackson tree -> Jackson's text -> kotlinx: the same element.
        val element = r.element()
        val jacksonText = EXACT.writeValueAsString(element.toJsonNode())
        assertThat(Json.parseToJsonElement(jacksonText)).`as`(jacksonText).isEqualTo(element)

        // Jackson tree -> kotlinx element -> kotlinx's encoder's text -> Jackson: the same tree.
        val node = r.node(doubles = true)
        val kotlinxText = Json.encodeToString(JsonElement.serializer(), node.toJsonElement())
        assertThat(sameJson(EXACT.readTree(kotlinxText), node)).`as`(kotlinxText).isTrue()
    }

    @Test
    fun `a JsonElement validates exactly as its text does`() = RandomJson.forAll("validation") { r ->
        val arguments = LinkedHashMap<String, JsonElement>()
        val members = listOf("i8", "i16", "i64", "u32", "u64", "sz", "n", "s", "b", "a", "list", "bogus")
        for (name in members) {
            if (r.chance(40)) arguments[name] = value(r)
        }
        val message = JsonObject(mapOf("execute" to JsonPrimitive("set"), "arguments" to JsonObject(arguments)))
        val direct = validator.validate(message).violations().map(Violation::toString)
        // toString() writes number literals as they are (kotlinx's encoder would make big ones doubles).
        val viaText = validator.validate(message.toString()).violations().map(Violation::toString)
        assertThat(direct).`as`("%s", message).isEqualTo(viaText)
    }

    /** A member value: mostly numbers at the edges of the integer types, sometimes anything. */
    private fun value(r: RandomJson): JsonElement = when (r.int(5)) {
        0, 1 -> JsonPrimitive(r.integer())
        2 -> JsonPrimitive(BigDecimal(r.double()).round(java.math.MathContext.DECIMAL64))
        3 -> JsonArray(List(r.int(3)) { JsonPrimitive(r.integer()) })
        else -> r.element(2)
    }

    // ------------------------------------------------------------------ examples

    @Test
    fun `integers at the edges become the node types Jackson's parser makes`() {
        assertThat(JsonPrimitive(Int.MAX_VALUE).toJsonNode()).isEqualTo(IntNode.valueOf(Int.MAX_VALUE))
        assertThat(JsonPrimitive(Long.MIN_VALUE).toJsonNode()).isEqualTo(LongNode.valueOf(Long.MIN_VALUE))
        assertThat(JsonPrimitive(ULong.MAX_VALUE).toJsonNode())
            .isEqualTo(BigIntegerNode.valueOf(two64.subtract(BigInteger.ONE)))
        assertThat(Json.parseToJsonElement("-9223372036854775809").toJsonNode())
            .isEqualTo(BigIntegerNode.valueOf(BigInteger.TWO.pow(63).negate().subtract(BigInteger.ONE)))
        assertThat(Json.parseToJsonElement("1.10").toJsonNode()).isEqualTo(DecimalNode.valueOf(BigDecimal("1.10")))
        assertThat(Json.parseToJsonElement("1.0").toJsonNode().isIntegralNumber).isFalse()
        assertThat(Json.parseToJsonElement("1e400").toJsonNode().decimalValue()).isEqualTo(BigDecimal("1E+400"))
        assertThat(Json.parseToJsonElement("[[[1, [2]], []], {\"a\": [null]}]").toJsonNode().toString())
            .isEqualTo("[[[1,[2]],[]],{\"a\":[null]}]")
    }

    @Test
    fun `a JsonElement validates directly, uint64 range included`() {
        fun resize(size: BigInteger): JsonObject = buildJsonObject {
            put("execute", "device-resize")
            put("arguments", buildJsonObject {
                put("id", "disk0")
                put("size", JsonPrimitive(size))
            })
        }
        assertThat(validator.validate(resize(two64.subtract(BigInteger.ONE))).valid()).isTrue()
        assertThat(validator.validate(resize(two64)).errors().map(Violation::message))
            .containsExactly("Parameter 'size' expects uint64")
    }

    @Test
    fun `a Serializable data class encoded by kotlinx is a valid QMP command`() {
        val command = Execute("device-resize", DeviceResize("disk0", ULong.MAX_VALUE), id = 7)
        val element = Json.encodeToJsonElement(command)
        assertThat(element.jsonObject["arguments"]!!.jsonObject["size"]!!.jsonPrimitive.content)
            .isEqualTo("18446744073709551615")
        val result = validator.validate(element)
        assertThat(result.violations()).isEmpty()
        assertThat(result.name()).isEqualTo("device-resize")

        val misspelt = Json.encodeToJsonElement(Execute("device-resize", MisspeltResize("disk0", 1)))
        assertThat(validator.validate(misspelt).errors().map(Violation::message))
            .containsExactlyInAnyOrder("Parameter 'sise' is unexpected", "Parameter 'size' is missing")
    }

    @Test
    fun `a message built with the DSL decodes into a Serializable data class`() {
        val event = qmpMessages(schema).event("DEVICE_RESIZED") {
            timestamp(1_700_000_000, 5)
            put("id", "disk0")
            put("size", ULong.MAX_VALUE)
        }
        val decoded = Json.decodeFromJsonElement<Event<DeviceResized>>(event.toJsonElement())
        assertThat(decoded).isEqualTo(
            Event("DEVICE_RESIZED", DeviceResized("disk0", ULong.MAX_VALUE), Timestamp(1_700_000_000, 5)))
    }

    @Test
    fun `schemas export as introspection JsonElements`() {
        val introspection = schema.introspectionJson()
        val command = introspection.map { it.jsonObject }
            .single { it["meta-type"]?.jsonPrimitive?.content == "command" && it["name"]?.jsonPrimitive?.content == "device-resize" }
        val arguments = introspection.map { it.jsonObject }
            .single { it["name"] == command["arg-type"] }
        assertThat(arguments["members"]!!.jsonArray.map { it.jsonObject["name"]!!.jsonPrimitive.content })
            .containsExactly("id", "size")
    }

    companion object {
        /** Jackson reading numbers exactly (decimals as BigDecimal), for comparing texts. */
        private val EXACT: JsonMapper = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build()

        @Suppress("unused")
        private fun JsonNode.text() = toString()
    }
}
