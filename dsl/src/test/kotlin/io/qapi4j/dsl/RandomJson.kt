package io.qapi4j.dsl

import java.math.BigDecimal
import java.math.BigInteger
import java.util.Random
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import tools.jackson.databind.JsonNode
import tools.jackson.databind.node.BigIntegerNode
import tools.jackson.databind.node.BooleanNode
import tools.jackson.databind.node.DecimalNode
import tools.jackson.databind.node.DoubleNode
import tools.jackson.databind.node.IntNode
import tools.jackson.databind.node.JsonNodeFactory
import tools.jackson.databind.node.LongNode
import tools.jackson.databind.node.NullNode
import tools.jackson.databind.node.StringNode

/**
 * A seeded generator of random JSON trees, as kotlinx elements and as Jackson trees, for the
 * property tests (our own: no property-testing library). Integers favour the edges that break
 * conversions: ±2^31, ±2^63 (one past the long range too), 2^64−1 and 2^64, and beyond.
 */
class RandomJson(val seed: Long) {
    private val random = Random(seed)

    fun int(bound: Int) = random.nextInt(bound)

    fun chance(percent: Int) = random.nextInt(100) < percent

    /** An integer, a third of the time one of the [EDGES]. */
    fun integer(): BigInteger = when (random.nextInt(6)) {
        0, 1 -> EDGES[random.nextInt(EDGES.size)]
        2 -> BigInteger.valueOf(random.nextLong())
        3 -> BigInteger.valueOf(random.nextInt(2001) - 1000L)
        else -> BigInteger(1 + random.nextInt(200), random).let { if (random.nextBoolean()) it.negate() else it }
    }

    /** An exact decimal with a fraction or an exponent (never written as an integer). */
    fun decimal(): BigDecimal {
        while (true) {
            val unscaled = BigInteger(1 + random.nextInt(80), random).let { if (random.nextBoolean()) it.negate() else it }
            val scale = when (random.nextInt(4)) {
                0 -> random.nextInt(3) + 1
                1 -> random.nextInt(30) + 1
                2 -> -(random.nextInt(400) + 1)
                else -> random.nextInt(800) - 400
            }
            val d = BigDecimal(unscaled, scale)
            if (!INTEGER_TEXT.matches(d.toString())) return d
        }
    }

    /** A finite double. */
    fun double(): Double = when (random.nextInt(4)) {
        0 -> random.nextDouble()
        1 -> random.nextGaussian() * 1e6
        2 -> Double.fromBits(random.nextLong()).takeIf { it.isFinite() } ?: 0.5
        else -> (random.nextInt(2001) - 1000) / 8.0
    }

    /** A string with escapes, control characters and characters outside the BMP. */
    fun string(): String {
        val out = StringBuilder()
        repeat(random.nextInt(12)) {
            when (random.nextInt(6)) {
                0 -> out.append("\"\\/\b\n\r\t\u0000\u001f"[random.nextInt(9)])
                1 -> out.appendCodePoint(0x10000 + random.nextInt(0x10FFFF - 0x10000))
                2 -> out.append((0xA0 + random.nextInt(0xD7FF - 0xA0)).toChar())
                else -> out.append((0x20 + random.nextInt(0x5F)).toChar())
            }
        }
        return out.toString()
    }

    /** A kotlinx element nested up to [depth] levels, numbers in their canonical text. */
    fun element(depth: Int = 4): JsonElement = when (if (depth == 0) random.nextInt(6) else random.nextInt(8)) {
        0 -> JsonNull
        1 -> JsonPrimitive(random.nextBoolean())
        2 -> JsonPrimitive(string())
        3, 4 -> JsonPrimitive(integer())
        5 -> JsonPrimitive(decimal())
        6 -> JsonArray(List(random.nextInt(5)) { element(depth - 1) })
        else -> JsonObject(LinkedHashMap<String, JsonElement>().also { map ->
            repeat(random.nextInt(5)) { map[string()] = element(depth - 1) }
        })
    }

    /**
     * A Jackson tree nested up to [depth] levels, numbers in the node type Jackson's own parser
     * gives them (int, long or big integer by size; decimals as DecimalNode), so that the tree
     * survives a round trip unchanged. With [doubles], some numbers are DoubleNodes.
     */
    fun node(depth: Int = 4, doubles: Boolean = false): JsonNode = when (if (depth == 0) random.nextInt(6) else random.nextInt(8)) {
        0 -> NullNode.getInstance()
        1 -> BooleanNode.valueOf(random.nextBoolean())
        2 -> StringNode.valueOf(string())
        3, 4 -> integerNode(integer())
        5 -> if (doubles && random.nextBoolean()) DoubleNode.valueOf(double()) else DecimalNode.valueOf(decimal())
        6 -> NODES.arrayNode().also { a -> repeat(random.nextInt(5)) { a.add(node(depth - 1, doubles)) } }
        else -> NODES.objectNode().also { o -> repeat(random.nextInt(5)) { o.set(string(), node(depth - 1, doubles)) } }
    }

    companion object {
        private val NODES = JsonNodeFactory.instance
        private val INTEGER_TEXT = Regex("-?[0-9]+")
        private val TWO = BigInteger.TWO

        /** ±2^31, ±2^63 and one past, 2^64−1, 2^64, -(2^64−1), 10^40, and small ones. */
        val EDGES: List<BigInteger> = listOf(
            BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE.negate(),
            BigInteger.valueOf(Int.MAX_VALUE.toLong()), BigInteger.valueOf(Int.MIN_VALUE.toLong()),
            BigInteger.valueOf(Int.MAX_VALUE.toLong() + 1), BigInteger.valueOf(Int.MIN_VALUE.toLong() - 1),
            BigInteger.valueOf(Long.MAX_VALUE), BigInteger.valueOf(Long.MIN_VALUE),
            TWO.pow(63), TWO.pow(63).negate().subtract(BigInteger.ONE),
            TWO.pow(64).subtract(BigInteger.ONE), TWO.pow(64), TWO.pow(64).subtract(BigInteger.ONE).negate(),
            BigInteger.TEN.pow(40), BigInteger.TEN.pow(40).negate(),
        )

        fun integerNode(value: BigInteger): JsonNode = when {
            value.bitLength() < 32 -> IntNode.valueOf(value.toInt())
            value.bitLength() < 64 -> LongNode.valueOf(value.toLong())
            else -> BigIntegerNode.valueOf(value)
        }

        /**
         * Runs [property] for [cases] seeds and reports the seed of the first failure; with the
         * system property `qapi4j.seed` set, runs that one seed only.
         */
        fun forAll(name: String, cases: Int = 300, property: (RandomJson) -> Unit) {
            val fixed = System.getProperty("qapi4j.seed")?.toLong()
            val seeds = if (fixed != null) listOf(fixed) else (0 until cases).map { 0x5eed_0000L + it }
            for (seed in seeds) {
                try {
                    property(RandomJson(seed))
                } catch (e: Throwable) {
                    throw AssertionError("property '$name' fails for seed $seed (rerun with -Dqapi4j.seed=$seed): ${e.message}", e)
                }
            }
        }
    }
}

/**
 * Whether two Jackson trees hold the same JSON: numbers by value (an integer is never equal to
 * a decimal, as QEMU tells them apart), everything else exactly, object members in any order.
 */
fun sameJson(a: JsonNode, b: JsonNode): Boolean = when {
    a.isNumber && b.isNumber -> if (a.isIntegralNumber || b.isIntegralNumber) {
        a.isIntegralNumber && b.isIntegralNumber && a.bigIntegerValue() == b.bigIntegerValue()
    } else {
        a.decimalValue().compareTo(b.decimalValue()) == 0
    }
    a.isObject && b.isObject -> a.size() == b.size() &&
        a.properties().all { (k, v) -> b.has(k) && sameJson(v, b.get(k)) }
    a.isArray && b.isArray -> a.size() == b.size() && (0 until a.size()).all { sameJson(a.get(it), b.get(it)) }
    else -> a == b
}
