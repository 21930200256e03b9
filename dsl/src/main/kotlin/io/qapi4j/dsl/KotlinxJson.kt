@file:JvmName("KotlinxJson")

package io.qapi4j.dsl

import io.qapi4j.model.Schema
import io.qapi4j.model.introspect.IntrospectionWriter
import io.qapi4j.validator.Direction
import io.qapi4j.validator.QmpValidator
import io.qapi4j.validator.ValidationResult
import java.math.BigDecimal
import java.math.BigInteger
import java.util.Base64
import kotlinx.serialization.ExperimentalSerializationApi
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.JsonUnquotedLiteral
import tools.jackson.databind.JsonNode
import tools.jackson.databind.node.ArrayNode
import tools.jackson.databind.node.BigIntegerNode
import tools.jackson.databind.node.BooleanNode
import tools.jackson.databind.node.DecimalNode
import tools.jackson.databind.node.DoubleNode
import tools.jackson.databind.node.IntNode
import tools.jackson.databind.node.JsonNodeFactory
import tools.jackson.databind.node.LongNode
import tools.jackson.databind.node.NullNode
import tools.jackson.databind.node.ObjectNode
import tools.jackson.databind.node.StringNode

// Interop between kotlinx-serialization's JsonElement and the Jackson trees the model and the
// validator use. Both directions keep every value exactly:
//  - an integer literal stays an integer of its exact value, however large (2^64-1 and beyond):
//    Int, Long or BigInteger nodes one way, a JsonPrimitive of that number the other;
//  - any other number stays an exact decimal (BigDecimal: 1.10 keeps its scale, 1e400 does not
//    overflow), so 1.0 is still no integer, as QEMU reads it;
//  - strings, booleans, null, objects (member order kept) and arrays, nested to any depth.
//
// kotlinx's own encoder (Json.encodeToString) writes a number literal that does not fit a Long
// or ULong as a double. So numbers beyond the Long range and decimals coming from Jackson become
// unquoted literals (JsonUnquotedLiteral), which kotlinx writes exactly as they are.

private val NODES: JsonNodeFactory = JsonNodeFactory.instance
private val INTEGER = Regex("-?(0|[1-9][0-9]*)")
private val NUMBER = Regex("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")
private val INT_RANGE = BigInteger.valueOf(Int.MIN_VALUE.toLong())..BigInteger.valueOf(Int.MAX_VALUE.toLong())
private val LONG_RANGE = BigInteger.valueOf(Long.MIN_VALUE)..BigInteger.valueOf(Long.MAX_VALUE)

/**
 * This element as a Jackson tree, without loss: integers become `IntNode`, `LongNode` or
 * `BigIntegerNode` by size (as Jackson's parser makes them), other numbers `DecimalNode`s of
 * their exact value.
 *
 * @throws IllegalArgumentException for an unquoted literal that is not a JSON number (made with
 *     `JsonUnquotedLiteral`); `NaN` and `Infinity`, which kotlinx writes for such doubles, become
 *     `DoubleNode`s
 */
fun JsonElement.toJsonNode(): JsonNode = when (this) {
    is JsonNull -> NullNode.getInstance()
    is JsonObject -> {
        val node: ObjectNode = NODES.objectNode()
        for ((name, value) in this) node.set(name, value.toJsonNode())
        node
    }
    is JsonArray -> {
        val node: ArrayNode = NODES.arrayNode(size)
        for (value in this) node.add(value.toJsonNode())
        node
    }
    is JsonPrimitive -> primitiveToNode(this)
}

private fun primitiveToNode(p: JsonPrimitive): JsonNode {
    val content = p.content
    if (p.isString) return StringNode.valueOf(content)
    return when {
        content == "true" -> BooleanNode.TRUE
        content == "false" -> BooleanNode.FALSE
        INTEGER.matches(content) -> {
            val value = BigInteger(content)
            when (value) {
                in INT_RANGE -> IntNode.valueOf(value.toInt())
                in LONG_RANGE -> LongNode.valueOf(value.toLong())
                else -> BigIntegerNode.valueOf(value)
            }
        }
        NUMBER.matches(content) -> DecimalNode.valueOf(BigDecimal(content))
        content == "NaN" -> DoubleNode.valueOf(Double.NaN)
        content == "Infinity" -> DoubleNode.valueOf(Double.POSITIVE_INFINITY)
        content == "-Infinity" -> DoubleNode.valueOf(Double.NEGATIVE_INFINITY)
        else -> throw IllegalArgumentException("not a JSON value: $content")
    }
}

/**
 * This Jackson tree as a kotlinx [JsonElement], without loss: integer nodes become numbers of
 * their exact value, decimal nodes numbers of their exact decimal value, floating-point nodes
 * their shortest decimal form. Integers beyond the Long range and decimals are unquoted literals,
 * so that kotlinx's own encoder writes them exactly too (it writes other such numbers as doubles). A binary node becomes its base64 text, as Jackson writes it; a
 * missing node becomes [JsonNull].
 *
 * @throws IllegalArgumentException for a POJO node, which has no JSON form of its own
 */
fun JsonNode.toJsonElement(): JsonElement = when {
    isNull || isMissingNode -> JsonNull
    isObject -> JsonObject(LinkedHashMap<String, JsonElement>(size()).also { map ->
        for (entry in properties()) map[entry.key] = entry.value.toJsonElement()
    })
    isArray -> JsonArray(values().map { it.toJsonElement() })
    isString -> JsonPrimitive(stringValue())
    isBoolean -> JsonPrimitive(booleanValue())
    isIntegralNumber -> if (canConvertToLong()) JsonPrimitive(longValue()) else exact(bigIntegerValue().toString())
    isBigDecimal -> exact(decimalValue().toString())
    isNumber -> JsonPrimitive(doubleValue())
    isBinary -> JsonPrimitive(Base64.getEncoder().encodeToString(binaryValue()))
    else -> throw IllegalArgumentException("no JSON form for ${nodeType} node: $this")
}

@OptIn(ExperimentalSerializationApi::class)
private fun exact(number: String): JsonPrimitive = JsonUnquotedLiteral(number)

/** Validates a message given as a kotlinx [JsonElement]; a reply is checked against [inReplyTo]. */
fun QmpValidator.validate(message: JsonElement, inReplyTo: String? = null): ValidationResult =
    validate(message.toJsonNode(), inReplyTo)

/** Validates a message travelling [direction], given as a kotlinx [JsonElement]. */
fun QmpValidator.validate(
    message: JsonElement,
    direction: Direction,
    inReplyTo: String? = null,
): ValidationResult = validate(message.toJsonNode(), direction, inReplyTo)

/** This message as a kotlinx [JsonObject]. */
fun QapiMessage.toJsonElement(): JsonObject = json().toJsonElement() as JsonObject

/**
 * This schema's introspection — the `query-qmp-schema` reply QEMU would give, as written by
 * [IntrospectionWriter] — as a kotlinx [JsonArray]. (A JSON Schema export as `JsonElement` will
 * join it once the JSON Schema exporter lands.)
 */
fun Schema.introspectionJson(writer: IntrospectionWriter = IntrospectionWriter.builder().build()): JsonArray =
    writer.write(this).toJsonElement() as JsonArray

/** Sets member [name] to an unsigned 64-bit integer (a `uint64` or `size`). */
fun ObjectBuilder.put(name: String, value: ULong) = put(name, BigInteger(value.toString()))

/** Sets member [name] to a kotlinx JSON value. */
fun ObjectBuilder.put(name: String, value: JsonElement) = put(name, value.toJsonNode())

/** Appends an unsigned 64-bit integer. */
fun ObjectBuilder.ArrayBuilder.add(value: ULong) = add(BigInteger(value.toString()))

/** Appends a kotlinx JSON value. */
fun ObjectBuilder.ArrayBuilder.add(value: JsonElement) = add(value.toJsonNode())
