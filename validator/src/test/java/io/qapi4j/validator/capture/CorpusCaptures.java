package io.qapi4j.validator.capture;

import io.qapi4j.model.Schema;
import io.qapi4j.model.read.SchemaReader;
import io.qapi4j.testing.SharedData;
import io.qapi4j.validator.Protocol;
import io.qapi4j.validator.QmpValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The captures of {@code ../shared/corpus} (read its README), the schema each one is validated
 * against, and what validating one yields. Schemas are read once per JVM. Public for the
 * validator's own differential tests, which compare its paths on the corpus too.
 */
public final class CorpusCaptures {

  private CorpusCaptures() {}

  /** How a capture was written, which decides the kind of findings it can have. */
  public enum Style {
    /** QEMU iotests in bash: commands echoed as written, bare placeholders, pretty output. */
    IOTESTS_BASH("iotests, bash"),
    /** QEMU iotests in Python: sorted keys, placeholders as strings, partial logs. */
    IOTESTS_PYTHON("iotests, Python"),
    /** libvirt's capability probes: full conversations. */
    LIBVIRT("libvirt .replies");

    final String label;

    Style(String label) {
      this.label = label;
    }
  }

  /** The schema a capture is checked against. */
  public enum SchemaChoice {
    /** QEMU master ({@code 10.2.50}), what the iotests' expected output is for. */
    MASTER("master", "master (10.2.50)"),
    /** The v1.7.0 release schema. */
    V1_7_0("v1.7.0", "v1.7.0 release"),
    /** The capture's own {@code query-qmp-schema} reply. */
    OWN("own", "its own query-qmp-schema reply");

    /** A short name (in the golden file). */
    final String key;
    /** A name for people (in the README). */
    final String label;

    SchemaChoice(String key, String label) {
      this.key = key;
      this.label = label;
    }
  }

  /**
   * One corpus file.
   *
   * @param file its path below {@code corpus/}
   * @param style how it was written
   * @param schema what it is validated against
   */
  public record Capture(String file, Style style, SchemaChoice schema) {

    /** Where the capture is. */
    public Path path() {
      return SharedData.shared("corpus/" + file);
    }
  }

  /**
   * What validating a capture yields.
   *
   * @param capture the capture
   * @param messages its messages by index (malformed ones included, as the reader gave them)
   * @param findings every finding, in the order the validator passed them on
   * @param summary the counts
   */
  record Validated(Capture capture, List<CapturedMessage> messages,
      List<CaptureFinding> findings, CaptureSummary summary) {

    CapturedMessage message(CaptureFinding f) {
      return messages.get((int) f.message().index());
    }
  }

  /**
   * The bash iotests: echoed commands, bare {@code TIMESTAMP}s, {@code QMP_VERSION} (found by
   * reading each file; the others log through {@code iotests.py}).
   */
  private static final Set<String> BASH = Set.of("060", "081", "085", "087", "109", "140", "156",
      "173", "176", "184", "185", "191", "223", "308", "tests/mirror-sparse",
      "tests/nbd-tls-iothread");

  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

  /** Every file of the corpus, sorted by path. */
  public static List<Capture> all() {
    Path corpus = SharedData.shared("corpus");
    List<Capture> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(corpus)) {
      for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
        String file = corpus.relativize(p).toString();
        if (file.endsWith(".out")) {
          String test = file.substring("iotests/".length(), file.length() - ".out".length());
          out.add(new Capture(file, BASH.contains(test) ? Style.IOTESTS_BASH
              : Style.IOTESTS_PYTHON, SchemaChoice.MASTER));
        } else if (file.endsWith(".replies")) {
          out.add(new Capture(file, Style.LIBVIRT,
              file.contains("caps_1.7.0") ? SchemaChoice.V1_7_0 : SchemaChoice.OWN));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The capture called {@code file}. */
  static Capture named(String file) {
    return all().stream().filter(c -> c.file().equals(file)).findFirst().orElseThrow();
  }

  /** The schema {@code capture} is validated against. */
  public static Schema schemaOf(Capture capture) {
    return switch (capture.schema()) {
      case MASTER -> read("qemu-qapi/master/qapi/qapi-schema.json");
      case V1_7_0 -> release("v1.7.0");
      case OWN -> SCHEMAS.computeIfAbsent("own:" + capture.file(), k -> own(capture));
    };
  }

  /** The QMP schema of release {@code version} ({@code v2.12.0}). */
  static Schema release(String version) {
    Path dir = SharedData.shared("qemu-qapi/releases/" + version);
    Path root = Files.exists(dir.resolve("qapi/qapi-schema.json"))
        ? dir.resolve("qapi/qapi-schema.json") : dir.resolve("qapi-schema.json");
    return read(SharedData.shared().relativize(root).toString());
  }

  /** A schema below {@code ../shared}, read by the compat dialect. */
  static Schema read(String shared) {
    return SCHEMAS.computeIfAbsent(shared,
        k -> SchemaReader.compat().read(SharedData.shared(k)).orElseThrow());
  }

  private static Schema own(Capture capture) {
    try (CaptureReader reader = CaptureReader.open(capture.path())) {
      EmbeddedSchema.Found found = EmbeddedSchema.find(reader);
      if (found == null) {
        throw new IllegalStateException(capture.file() + " holds no query-qmp-schema reply");
      }
      return found.result().orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A message of a capture and the command it answers.
   *
   * @param message the message
   * @param inReplyTo for a reply, the command it answers as the session pairs them; else, or when
   *     the capture does not show it, {@code null}
   */
  record Paired(CapturedMessage message, @Nullable String inReplyTo) {}

  /** Every message of {@code capture}, paired by a session of {@code schema} as QEMU would. */
  static List<Paired> paired(Capture capture, Schema schema) {
    SessionTracker sessions = new SessionTracker(Protocol.QMP, schema);
    List<Paired> out = new ArrayList<>();
    try (CaptureReader reader = CaptureReader.open(capture.path())) {
      for (CaptureItem item = reader.next(); item != null; item = reader.next()) {
        sessions.partialRecord(reader.format().isLog());
        if (item instanceof FilteredGreeting g) {
          sessions.greeting(g);
        }
        if (item instanceof CapturedMessage m) {
          out.add(new Paired(m, sessions.accept(m).inReplyTo()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Validates {@code capture} with {@code validator}, keeping its messages and findings. */
  static Validated validate(Capture capture, QmpValidator validator) {
    List<CapturedMessage> messages = new ArrayList<>();
    try (CaptureReader reader = CaptureReader.open(capture.path())) {
      for (CaptureItem item = reader.next(); item != null; item = reader.next()) {
        if (item instanceof CapturedMessage m) {
          messages.add(m);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<CaptureFinding> findings = new ArrayList<>();
    CaptureSummary summary;
    try (CaptureReader reader = CaptureReader.open(capture.path())) {
      summary = CaptureValidator.of(validator)
          .validate(reader, CaptureListener.of(findings::add, u -> { }));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Validated(capture, List.copyOf(messages), List.copyOf(findings), summary);
  }
}
