package io.qapi4j.validator.live;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A server's reply to one command, with the command it answers — what a validator needs to check
 * the reply's {@code return} against the command's return type.
 *
 * @param command the name of the command answered, or {@code null} when the request named none
 *     (a malformed request)
 * @param request the request exactly as sent, without its line terminator
 * @param message the reply
 */
public record Reply(@Nullable String command, String request, ServerMessage message) {

  /** Whether the server answered with an error. */
  public boolean isError() {
    return message.isError();
  }

  /** The {@code return} value; {@code null} for an error reply. */
  public @Nullable JsonNode result() {
    JsonNode json = message.json();
    return json != null ? json.get("return") : null;
  }

  /** The error class ({@code GenericError}, {@code CommandNotFound}, ...), or {@code null}. */
  public @Nullable String errorClass() {
    return errorMember("class");
  }

  /** The error's human text ({@code desc}), or {@code null} for a success reply. */
  public @Nullable String errorDescription() {
    return errorMember("desc");
  }

  private @Nullable String errorMember(String name) {
    JsonNode json = message.json();
    JsonNode error = json != null ? json.get("error") : null;
    JsonNode v = error != null ? error.get(name) : null;
    return v != null && v.isString() ? v.asString() : null;
  }

  @Override
  public String toString() {
    return "-> " + request + "\n<- " + message.text();
  }
}
