package io.qapi4j.validator.live;

import org.jspecify.annotations.Nullable;

/** A command of a live session and its reply; {@code mistake} when broken on purpose. */
record Step(Reply reply, @Nullable Mistake mistake) {}
