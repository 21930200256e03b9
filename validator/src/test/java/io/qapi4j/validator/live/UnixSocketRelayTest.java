package io.qapi4j.validator.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import io.qapi4j.validator.Direction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The relay without QEMU: byte-exact both ways at once, half-close, failures. */
class UnixSocketRelayTest {

  private final Path dir = ChildProcess.newDirectory("qapi4j-relay-test-");

  @AfterEach
  void cleanUp() {
    ChildProcess.deleteTree(dir);
  }

  /** {@code size} seeded random bytes. */
  private static byte[] random(long seed, int size) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  /** Writes {@code bytes} in chunks of random size (1 byte to 64 KiB). */
  private static void writeInChunks(SocketChannel c, byte[] bytes, long seed) throws Exception {
    Random r = new Random(seed);
    int off = 0;
    while (off < bytes.length) {
      int n = Math.min(bytes.length - off, 1 + r.nextInt(r.nextBoolean() ? 16 : 65536));
      ByteBuffer b = ByteBuffer.wrap(bytes, off, n);
      while (b.hasRemaining()) {
        c.write(b);
      }
      off += n;
    }
  }

  /** Starts a thread that writes {@code bytes} in random chunks, then ends the output. */
  private static Thread sendAndShutDown(SocketChannel c, byte[] bytes, long seed) {
    Thread t = new Thread(() -> {
      try {
        writeInChunks(c, bytes, seed);
        c.shutdownOutput();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    t.start();
    return t;
  }

  private static byte[] readAll(SocketChannel c) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer b = ByteBuffer.allocate(8192);
    while (c.read(b.clear()) >= 0) {
      out.write(b.array(), 0, b.position());
    }
    return out.toByteArray();
  }

  @Test
  void megabytesBothWaysAtOnceArriveUnchangedAndTheTapSeesEveryByte() throws Exception {
    byte[] fromServer = random(1, 3 << 20);
    byte[] fromClient = random(2, 3 << 20);
    ByteArrayOutputStream serverGot = new ByteArrayOutputStream();
    ByteTap tap = new ByteTap();
    try (FakeServer server = new FakeServer(c -> {
          Thread writer = sendAndShutDown(c, fromServer, 3);
          serverGot.writeBytes(readAll(c));
          writer.join();
        });
        UnixSocketRelay relay = UnixSocketRelay.start(dir.resolve("relay.sock"), server.socket(), tap);
        SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      client.connect(UnixDomainSocketAddress.of(relay.listenPath()));
      Thread writer = sendAndShutDown(client, fromClient, 4);
      byte[] clientGot = readAll(client);
      writer.join();
      server.await();

      assertThat(relay.awaitIdle(5000)).isTrue();
      assertThat(clientGot).isEqualTo(fromServer);
      assertThat(serverGot.toByteArray()).isEqualTo(fromClient);
      assertThat(tap.client()).isEqualTo(fromClient);
      assertThat(tap.server()).isEqualTo(fromServer);
      assertThat(tap.awaitClose(1000)).isTrue();
      assertThat(relay.accepted()).isEqualTo(1);
      assertThat(relay.failures()).isEmpty();
    }
    assertThat(dir.resolve("relay.sock")).doesNotExist();
  }

  @Test
  void aTapThatFailsIsReportedAndTheTrafficGoesOn() throws Exception {
    WireTap failing = (direction, bytes) -> {
      throw new IllegalStateException("tap broke");
    };
    try (FakeServer server = new FakeServer(c -> FakeServer.write(c, FakeServer.readLine(c) + "!\n"));
         UnixSocketRelay relay = UnixSocketRelay.start(dir.resolve("relay.sock"), server.socket(), failing);
         SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      client.connect(UnixDomainSocketAddress.of(relay.listenPath()));
      FakeServer.write(client, "ping\n");

      assertThat(FakeServer.readLine(client)).isEqualTo("ping!");
      server.await();
      client.shutdownOutput();
      assertThat(relay.awaitIdle(5000)).isTrue();
      assertThat(relay.failures()).containsExactly(
          "relay connection 1: the tap failed and sees nothing more: java.lang.IllegalStateException: tap broke");
    }
  }

  @Test
  void aServerThatIsNotThereClosesTheClientAndIsReported() throws Exception {
    try (UnixSocketRelay relay = UnixSocketRelay.start(dir.resolve("relay.sock"),
             dir.resolve("nobody.sock"), WireTap.NONE);
         SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      client.connect(UnixDomainSocketAddress.of(relay.listenPath()));

      assertThat(client.read(ByteBuffer.allocate(1))).isEqualTo(-1);
      assertThat(relay.failures()).singleElement().asString()
          .startsWith("connection 1: cannot connect to unix:" + dir.resolve("nobody.sock"));
    }
  }

  @Test
  void anOccupiedListenPathIsAClearError() throws Exception {
    Path taken = Files.createFile(dir.resolve("taken.sock"));

    assertThatThrownBy(() -> UnixSocketRelay.start(taken, dir.resolve("x.sock"), WireTap.NONE))
        .isInstanceOf(LiveException.class)
        .hasMessage("cannot listen on " + taken + ": the file exists (a stale socket? remove it)");
    try (UnixSocketRelay first = UnixSocketRelay.start(dir.resolve("busy.sock"),
        dir.resolve("x.sock"), WireTap.NONE)) {
      assertThatThrownBy(() -> UnixSocketRelay.start(first.listenPath(), dir.resolve("x.sock"),
          WireTap.NONE))
          .isInstanceOf(LiveException.class)
          .hasMessage("cannot listen on " + first.listenPath() + ": another program listens there");
      // Found out without connecting: a relay for one client would serve its session to a probe.
      assertThat(first.accepted()).isZero();
    }
  }

  /** A tap that notes the ends of the streams and the close, in order. */
  private static final class EndTap implements WireTap {
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void onBytes(Direction direction, byte[] bytes) {}

    @Override
    public void onEnd(Direction direction) {
      events.add(direction.arrow() + " ended");
    }

    @Override
    public void onClose() {
      events.add("closed");
    }
  }

  @Test
  void aRelayForOneClientStopsListeningOnceItCameAndFinishesWithIt() throws Exception {
    EndTap tap = new EndTap();
    try (FakeServer server = new FakeServer(c -> FakeServer.write(c, FakeServer.readLine(c) + "!\n"));
         UnixSocketRelay relay = UnixSocketRelay.builder(dir.resolve("relay.sock"), server.socket())
             .tap(tap).maxClients(1).start();
         SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      client.connect(UnixDomainSocketAddress.of(relay.listenPath()));
      FakeServer.write(client, "ping\n");
      assertThat(FakeServer.readLine(client)).isEqualTo("ping!");
      assertThat(waitUntilGone(relay.listenPath())).isTrue();

      client.close();
      Thread waiter = new Thread(() -> {
        try {
          relay.awaitFinished();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      waiter.start();
      waiter.join(5000);

      assertThat(waiter.isAlive()).isFalse();
      assertThat(relay.accepted()).isEqualTo(1);
      // Both ends are told (the server's script closes after answering, the client closes), then
      // the close.
      assertThat(tap.events).containsExactlyInAnyOrder("<- ended", "-> ended", "closed")
          .endsWith("closed");
    }
  }

  @Test
  void aPeerThatIgnoresTheEndIsClosedAfterTheLingerTime() throws Exception {
    EndTap tap = new EndTap();
    try (FakeServer server = new FakeServer(c -> {
          FakeServer.write(c, "bye\n");
          c.shutdownOutput();
          Thread.sleep(20_000); // never reads, never closes
        });
         UnixSocketRelay relay = UnixSocketRelay.builder(dir.resolve("relay.sock"), server.socket())
             .tap(tap).maxClients(1).linger(Duration.ofMillis(200)).start();
         SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      client.connect(UnixDomainSocketAddress.of(relay.listenPath()));
      assertThat(FakeServer.readLine(client)).isEqualTo("bye");
      // This client ignores the end too: it never closes. The relay closes both after 200 ms.
      long start = System.nanoTime();
      assertThat(client.read(ByteBuffer.allocate(1))).isEqualTo(-1);
      assertThat(relay.awaitIdle(5000)).isTrue();

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      assertThat(tap.events).containsExactly("<- ended", "-> ended", "closed");
    }
  }

  private static boolean waitUntilGone(Path path) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 5000;
    while (Files.exists(path)) {
      if (System.currentTimeMillis() > deadline) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }
}
