@file:JvmName("QapiDsl")

package io.qapi4j.dsl

import io.qapi4j.model.Schema
import io.qapi4j.model.SchemaResult
import io.qapi4j.model.parse.Dialect

/**
 * Builds a QAPI schema with the DSL, checked by [dialect] (today's rules by default):
 *
 * ```kotlin
 * val schema = qapiSchema {
 *     val status = enumType("Status", "running", "paused")
 *     val info = struct("StatusInfo") {
 *         member("status", status)
 *         optional("reason", STR)
 *     }
 *     command("query-status") { returns(info) }
 * }.orElseThrow()
 * ```
 *
 * The nested blocks are the Java API's [Block]s; they get their builder as `this` when the
 * `sam-with-receiver` compiler plugin is set to [ReceiverBlock] (see the README), else as `it`.
 */
fun qapiSchema(dialect: Dialect = Dialect.STRICT, block: SchemaBuilder.() -> Unit): SchemaResult =
    SchemaBuilder.create(dialect).apply(block).build()

/** Builds QMP messages checked against [schema]: `qmpMessages(schema).execute("stop")`. */
fun qmpMessages(schema: Schema): QapiMessages = QapiMessages.qmp(schema)

/** Builds guest agent (QGA) messages checked against [schema]. */
fun qgaMessages(schema: Schema): QapiMessages = QapiMessages.qga(schema)
