/**
 * The immutable QAPI model: one {@link io.qapi4j.model.Schema} holding types, commands and events of
 * a QEMU QAPI schema of any era, however it was built (schema files, the DSL, or introspection).
 *
 * <p>Types form a sealed hierarchy ({@link io.qapi4j.model.QapiType}); user-written definitions
 * implement {@link io.qapi4j.model.Definition}. References between types are by name and resolve
 * through the schema, except where QAPI embeds one object in another (a struct's base, a union's
 * base, a command's arguments, an event's data), which can never form a loop and are held directly.
 */
@NullMarked
package io.qapi4j.model;

import org.jspecify.annotations.NullMarked;
