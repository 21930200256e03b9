/**
 * Reading captured QMP and QGA traffic and validating it as whole sessions.
 *
 * <p>{@link io.qapi4j.validator.capture.CaptureReader} frames the messages of a capture — JSON
 * lines, one JSON value after another (pretty-printed or not), {@code ->}/{@code <-} transcripts,
 * guest-agent streams with 0xFF sync bytes, QEMU's single-quoted input dialect and QEMU iotests
 * logs — with exact positions and bounded memory, reporting malformed input as {@link
 * io.qapi4j.validator.capture.Unparsed} items and reading on. {@link
 * io.qapi4j.validator.capture.SessionTracker} matches replies to their commands and checks the
 * protocol's order; {@link io.qapi4j.validator.capture.CaptureValidator} puts both together with a
 * {@link io.qapi4j.validator.QmpValidator}:
 *
 * <pre>{@code
 * try (CaptureReader reader = CaptureReader.open(Path.of("qmp.log"))) {
 *   CaptureSummary summary = CaptureValidator.of(QmpValidator.of(schema))
 *       .validate(reader, CaptureListener.of(
 *           f -> System.out.println(f),   // qmp.log:12: [MISSING_MEMBER] blockdev-add ...
 *           u -> System.out.println(u)));  // qmp.log:40: JSON parse error, ...
 *   System.out.println(summary.messages() + " messages, " + summary.errors() + " errors");
 * }
 * }</pre>
 *
 * <p>{@link io.qapi4j.validator.capture.SessionValidator} does the same for a live session, fed
 * with the bytes of both directions as they cross the wire (a proxy's tap), and can write the
 * session's transcript as it goes.
 */
@NullMarked
package io.qapi4j.validator.capture;

import org.jspecify.annotations.NullMarked;
