package io.qapi4j.model.parse;

import io.qapi4j.model.Diagnostic;
import io.qapi4j.model.SourceLocation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads schema source text: from the file system (strict UTF-8), or from an in-memory map for
 * schemas that never were files (tests, the DSL).
 */
public interface SourceLoader {

  /**
   * Reads {@code path} (a path string as QEMU would open it).
   *
   * @throws UnreadableSourceException with the operating system's error text ("No such file or
   *     directory", "Is a directory", "Permission denied", ...)
   * @throws InvalidSourceException when the bytes are not UTF-8
   */
  String read(String path);

  /** The file system, decoding UTF-8 strictly. */
  static SourceLoader fileSystem() {
    return FileSystemLoader.INSTANCE;
  }

  /** Files from {@code files} (path → text) first, then the file system. */
  static SourceLoader inMemory(Map<String, String> files) {
    return path -> {
      String text = files.get(path);
      return text != null ? text : fileSystem().read(path);
    };
  }

  /** A file could not be read; the message is the OS error text QEMU would print. */
  final class UnreadableSourceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates one with the OS error text, e.g. "No such file or directory". */
    public UnreadableSourceException(String strerror) {
      super(strerror, null, false, false);
    }
  }

  /** A file is not valid UTF-8; carries the position of the first bad byte. */
  final class InvalidSourceException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Diagnostic diagnostic;

    /** Creates one for {@code diagnostic}. */
    public InvalidSourceException(Diagnostic diagnostic) {
      super(diagnostic.message(), null, false, false);
      this.diagnostic = diagnostic;
    }

    /** The positioned error. */
    public Diagnostic diagnostic() {
      return diagnostic;
    }
  }
}

/** Reads files with strict UTF-8 decoding and QEMU-like error texts. */
final class FileSystemLoader implements SourceLoader {
  static final FileSystemLoader INSTANCE = new FileSystemLoader();

  @Override
  public String read(String path) {
    if (path.isEmpty()) {
      // open('') fails with ENOENT; Path.of("") would mean the current directory.
      throw new UnreadableSourceException("No such file or directory");
    }
    Path p;
    try {
      p = Path.of(path);
    } catch (InvalidPathException e) {
      // Python's open() refuses such a name too ("embedded null byte").
      throw new UnreadableSourceException("Invalid argument");
    }
    byte[] bytes;
    try {
      if (Files.isDirectory(p)) {
        throw new UnreadableSourceException("Is a directory");
      }
      bytes = Files.readAllBytes(p);
    } catch (NoSuchFileException e) {
      throw new UnreadableSourceException("No such file or directory");
    } catch (AccessDeniedException e) {
      throw new UnreadableSourceException("Permission denied");
    } catch (FileSystemException e) {
      // The reason alone is the strerror text QEMU prints ("Not a directory", "File name too
      // long"); the message would put the path in front of it.
      String reason = e.getReason();
      throw new UnreadableSourceException(reason == null ? "Input/output error" : reason);
    } catch (IOException e) {
      String reason = e.getMessage();
      throw new UnreadableSourceException(reason == null ? e.getClass().getSimpleName() : reason);
    } catch (OutOfMemoryError e) {
      throw new UnreadableSourceException("File too large");
    }
    return decode(path, bytes);
  }

  /**
   * Decodes UTF-8, reporting the line and column of the first invalid byte. {@code new String}
   * replaces every malformed sequence by U+FFFD, so a text without one was valid; only a text
   * with one (malformed, or a U+FFFD written in the file) is validated again to find the first
   * bad byte. That check goes chunk by chunk, so a large file costs its bytes and one string at
   * the peak, not a char buffer more.
   */
  static String decode(String path, byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') < 0) {
      return text;
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer chunk = CharBuffer.allocate(64 * 1024);
    while (true) {
      CoderResult result = decoder.decode(in, chunk, true);
      if (result.isError()) {
        throw invalid(path, bytes, in.position());
      }
      if (result.isUnderflow()) {
        break;
      }
      chunk.clear();
    }
    return text;
  }

  private static InvalidSourceException invalid(String path, byte[] bytes, int offset) {
    String before = new String(bytes, 0, offset, StandardCharsets.UTF_8);
    int lineStart = before.lastIndexOf('\n') + 1;
    int line = 1;
    for (int i = 0; i < lineStart; i++) {
      if (before.charAt(i) == '\n') {
        line++;
      }
    }
    int col = PythonText.column(before, lineStart, before.length());
    String message = String.format("invalid UTF-8: can't decode byte 0x%02x at offset %d",
        bytes[offset] & 0xff, offset);
    return new InvalidSourceException(Diagnostic.error(new SourceLocation(path, line, col, null), message));
  }

  private FileSystemLoader() {}
}
