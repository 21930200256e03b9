package io.qapi4j.validator.capture;

import io.qapi4j.validator.Direction;
import io.qapi4j.validator.QmpValidator;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Validates one live session as its bytes cross the wire: feed it every chunk each side sends, in
 * the order they crossed, and it frames each direction on its own (the framing of {@link
 * CaptureReader}, incrementally), follows the session with a {@link SessionTracker}, validates
 * every message and tells the {@link CaptureListener} each finding as soon as it is known — a
 * command's findings once its last byte has come, an unanswered command's when the session ends.
 * Memory stays bounded, as for a capture.
 *
 * <p>Positions are those of the session's transcript: one line per line of either stream ({@code
 * -> } for the client's, {@code <- } for the server's), numbered in the order the lines start,
 * the column counted after the three bytes of the arrow; {@link #recordTo} writes exactly that
 * transcript, and {@code qapi4j validate} of it finds the same. (Offsets count the bytes of the
 * message's own direction.) Whatever a peer sends that is no JSON value is malformed input, not
 * log text.
 *
 * <pre>{@code
 * SessionValidator session = CaptureValidator.of(QmpValidator.of(schema))
 *     .session("qmp", CaptureListener.of(System.out::println, System.out::println));
 * session.feed(Direction.CLIENT, bytes, 0, bytes.length);   // from a WireTap, say
 * ...
 * CaptureSummary summary = session.finish();
 * }</pre>
 *
 * <p>It is meant to be fed from one thread at a time (a {@code WireTap} is); its methods are
 * synchronized.
 */
public final class SessionValidator {

  /** One direction: its framer and what the framer's findings become. */
  private record Side(Direction direction, MessageFramer framer, ItemCollector collector) {}

  private final String source;
  private final CaptureRun run;
  private final TranscriptLines lines;
  private final Side client;
  private final Side server;
  private @Nullable TranscriptWriter transcript;
  private @Nullable String recordFailure;
  private @Nullable Consumer<EmbeddedSchema.Found> adopt;
  private long bytes;
  private @Nullable CaptureSummary summary;

  SessionValidator(QmpValidator validator, int maxPending, String source,
      CaptureListener listener) {
    this.source = source;
    this.run = new CaptureRun(validator, maxPending, listener);
    this.lines = new TranscriptLines(new Lines());
    ItemCollector.Counter messages = new ItemCollector.Counter();
    this.client = side(Direction.CLIENT, messages);
    this.server = side(Direction.SERVER, messages);
  }

  private Side side(Direction direction, ItemCollector.Counter messages) {
    ItemCollector collector = ItemCollector.ofStream(source, direction, messages, this::item);
    return new Side(direction, new MessageFramer(collector,
        CaptureReader.DEFAULT_MAX_MESSAGE_BYTES), collector);
  }

  /**
   * Writes the session's transcript into {@code out} as it goes (not closed here; call before the
   * first {@link #feed}). If writing fails, the recording stops there and {@link
   * #recordFailure()} says why; the validation goes on.
   */
  public synchronized SessionValidator recordTo(OutputStream out, String name) {
    this.transcript = new TranscriptWriter(out, name);
    return this;
  }

  /**
   * From the server's first {@code query-qmp-schema} success reply on, validate against the
   * schema it holds (QMP): {@code announce} is told when that happens. A reply that holds no
   * readable schema changes nothing.
   */
  public synchronized SessionValidator adoptServerSchema(Consumer<EmbeddedSchema.Found> announce) {
    this.adopt = announce;
    return this;
  }

  /**
   * Why the recording stopped early (the writer's message, naming the record, and the line it
   * stopped at), or {@code null} when it did not.
   */
  public synchronized @Nullable String recordFailure() {
    return recordFailure;
  }

  /** Takes {@code length} bytes of {@code chunk} from {@code offset}, sent {@code direction}. */
  public synchronized void feed(Direction direction, byte[] chunk, int offset, int length) {
    if (summary != null) {
      throw new IllegalStateException("the session has finished");
    }
    if (direction == Direction.UNKNOWN) {
      throw new IllegalArgumentException("a live session's bytes travel one way or the other");
    }
    bytes += length;
    lines.feed(direction, chunk, offset, length);
  }

  /**
   * Ends the session: what is open is finished or reported, the requests still waiting are
   * unanswered, the transcript is flushed. Returns the summary (again on later calls).
   */
  public synchronized CaptureSummary finish() {
    if (summary == null) {
      lines.finish();
      client.framer().end();
      server.framer().end();
      run.finish();
      record(TranscriptWriter::flush);
      // A live stream has no log text, no log output and no iotests placeholders.
      summary = run.summary(source, CaptureFormat.TRANSCRIPT, bytes, 0, 0,
          client.collector().syncBytes() + server.collector().syncBytes(), 0);
    }
    return summary;
  }

  private void item(CaptureItem item) {
    SessionTracker.Step step = run.item(item);
    if (adopt != null && item instanceof CapturedMessage m
        && EmbeddedSchema.COMMAND.equals(step.inReplyTo())) {
      EmbeddedSchema.Found found = EmbeddedSchema.fromReply(m);
      if (found != null && found.result().ok()) {
        run.validator(run.validator().withSchema(found.result().orElseThrow()));
        Consumer<EmbeddedSchema.Found> announce = adopt;
        adopt = null;
        announce.accept(found);
      }
    }
  }

  /** Hands {@code write} the transcript, if it is recorded; a failure stops the recording. */
  private void record(Consumer<TranscriptWriter> write) {
    if (transcript == null) {
      return;
    }
    try {
      write.accept(transcript);
    } catch (UncheckedIOException e) {
      transcript = null;
      recordFailure = e.getMessage() + " (the recording stopped at line " + lines.lines() + ")";
    }
  }

  /** The transcript's lines go to the framers (and the transcript, if recorded). */
  private final class Lines implements TranscriptLines.Sink {

    private Side side(Direction direction) {
      return direction == Direction.CLIENT ? client : server;
    }

    @Override
    public void lineStarted(Direction direction, long number) {
      MessageFramer framer = side(direction).framer();
      // After the three bytes of "-> ", "<- " or an indentation.
      framer.position(number, 4);
      record(t -> t.lineStarted(direction, number, framer.inMessage()));
    }

    @Override
    public void bytes(Direction direction, byte[] chunk, int offset, int length) {
      record(t -> t.bytes(direction, chunk, offset, length));
      side(direction).framer().feed(chunk, offset, length);
    }

    @Override
    public void lineEnded(Direction direction, boolean newline) {
      record(t -> t.lineEnded(direction));
      if (newline) {
        side(direction).framer().feed(NEWLINE, 0, 1);
      }
    }
  }

  private static final byte[] NEWLINE = {'\n'};
}
