/**
 * Talking to a real QEMU (QMP) or guest agent (QGA), recording what crosses the wire, and relaying
 * a session between a client and a server.
 *
 * <ul>
 *   <li>{@link io.qapi4j.validator.live.QmpClient} and {@link io.qapi4j.validator.live.QgaClient}:
 *       small synchronous clients over a {@link io.qapi4j.validator.live.Transport} (a Unix socket
 *       or any stream pair, such as a child's stdio), with timeouts everywhere; a failure is a
 *       {@link io.qapi4j.validator.live.LiveException} that says what happened.
 *   <li>{@link io.qapi4j.validator.live.QemuProcess} and
 *       {@link io.qapi4j.validator.live.GuestAgentProcess}: start {@code qemu-system-x86_64} or
 *       {@code qemu-ga} in a temporary directory and always clean up; {@link
 *       io.qapi4j.validator.live.QemuIntrospection} asks a QEMU binary for its schema.
 *   <li>{@link io.qapi4j.validator.live.WireTap}: sees every byte in both directions; the {@link
 *       io.qapi4j.validator.live.Recorder}s write captures: {@link
 *       io.qapi4j.validator.live.TranscriptRecorder} {@code -> }/{@code <- } transcripts, {@link
 *       io.qapi4j.validator.live.RawStreamRecorder} the raw interleaved stream.
 *   <li>{@link io.qapi4j.validator.live.UnixSocketRelay}: copies sessions between two Unix
 *       sockets unchanged and hands every chunk to a tap.
 * </ul>
 */
@NullMarked
package io.qapi4j.validator.live;

import org.jspecify.annotations.NullMarked;
