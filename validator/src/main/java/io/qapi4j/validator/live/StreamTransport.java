package io.qapi4j.validator.live;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A {@link Transport} over an input and an output stream, e.g. a child process's stdio. */
final class StreamTransport implements Transport {

  private final InputStream in;
  private final OutputStream out;
  private final String description;

  StreamTransport(InputStream in, OutputStream out, String description) {
    this.in = in;
    this.out = out;
    this.description = description;
  }

  @Override
  public int read(byte[] buffer) throws IOException {
    return in.read(buffer);
  }

  @Override
  public void write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  @Override
  public void close() {
    QuietClose.close(out);
    QuietClose.close(in);
  }

  @Override
  public String description() {
    return description;
  }
}
