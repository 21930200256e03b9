package io.qapi4j.validator.live;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One message a server sent: a greeting, a reply or an event.
 *
 * @param text the message exactly as received, without its line terminator (a message that is
 *     not UTF-8 has its bad bytes replaced)
 * @param json the message parsed, or {@code null} when it is no JSON (see {@code problem})
 * @param afterSentinel whether a 0xFF byte came right before it (qemu-ga does that before a
 *     {@code guest-sync-delimited} reply)
 * @param problem why the message is incomplete or unreadable, or {@code null} when it is fine
 */
public record ServerMessage(
    String text, @Nullable JsonNode json, boolean afterSentinel, @Nullable String problem) {

  /** Whether this is an event ({@code {"event": ...}}). */
  public boolean isEvent() {
    return json != null && json.isObject() && json.has("event");
  }

  /** Whether this is a reply to a command ({@code {"return": ...}} or {@code {"error": ...}}). */
  public boolean isReply() {
    return json != null && json.isObject() && (json.has("return") || json.has("error"));
  }

  /** Whether this is an error reply. */
  public boolean isError() {
    return json != null && json.isObject() && json.has("error");
  }

  /** The event's name, or {@code null} when this is no event. */
  public @Nullable String eventName() {
    return isEvent() && json.get("event").isString() ? json.get("event").asString() : null;
  }

  /** The {@code id} member, or {@code null}. */
  public @Nullable JsonNode id() {
    return json != null && json.isObject() ? json.get("id") : null;
  }
}
