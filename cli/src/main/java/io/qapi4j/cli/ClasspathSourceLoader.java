package io.qapi4j.cli;

import io.qapi4j.model.Diagnostic;
import io.qapi4j.model.SourceLocation;
import io.qapi4j.model.parse.SourceLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Reads schema files from the class path: a path string {@code PREFIX/REST} (as messages show it)
 * is the resource {@code RESOURCE_DIR/REST}. Anything outside the prefix does not exist, so an
 * include cannot escape to the file system.
 */
final class ClasspathSourceLoader implements SourceLoader {

  private final String pathPrefix;
  private final String resourceDir;

  /**
   * A loader for paths under {@code pathPrefix} (ends with '/'), read from {@code resourceDir}
   * (ends with '/', no leading '/').
   */
  ClasspathSourceLoader(String pathPrefix, String resourceDir) {
    this.pathPrefix = pathPrefix;
    this.resourceDir = resourceDir;
  }

  @Override
  public String read(String path) {
    String normal;
    try {
      normal = Path.of(path).normalize().toString();
    } catch (InvalidPathException e) {
      throw new UnreadableSourceException("Invalid argument");
    }
    if (!normal.startsWith(pathPrefix)) {
      throw new UnreadableSourceException("No such file or directory");
    }
    String resource = resourceDir + normal.substring(pathPrefix.length());
    byte[] bytes;
    try (InputStream in = ClasspathSourceLoader.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new UnreadableSourceException("No such file or directory");
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UnreadableSourceException(String.valueOf(e.getMessage()));
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidSourceException(
          Diagnostic.error(SourceLocation.of(path, 0), "invalid UTF-8 in bundled schema"));
    }
  }
}
