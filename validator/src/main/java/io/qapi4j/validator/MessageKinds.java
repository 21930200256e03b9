package io.qapi4j.validator;

import tools.jackson.databind.JsonNode;

/** Tells what a message is from its envelope keys, as a QMP or QGA peer would. */
final class MessageKinds {
  private MessageKinds() {}

  static MessageKind classify(JsonNode message, Protocol protocol) {
    if (!message.isObject()) {
      return MessageKind.UNKNOWN;
    }
    if (message.has("execute")) {
      return MessageKind.COMMAND;
    }
    if (message.has("exec-oob")) {
      return protocol == Protocol.QMP ? MessageKind.OOB_COMMAND : MessageKind.COMMAND;
    }
    if (message.has("return")) {
      return MessageKind.SUCCESS_REPLY;
    }
    if (message.has("error")) {
      return MessageKind.ERROR_REPLY;
    }
    if (protocol == Protocol.QMP && message.has("event")) {
      return MessageKind.EVENT;
    }
    if (protocol == Protocol.QMP && message.has("QMP")) {
      return MessageKind.GREETING;
    }
    return MessageKind.UNKNOWN;
  }

  /**
   * Whether an object that is none of the known kinds is taken as a broken command (rather than
   * an unknown message): it has input keys, or none at all.
   */
  static boolean looksLikeInput(JsonNode message) {
    return message.has("arguments") || message.has("id") || message.isEmpty();
  }
}
