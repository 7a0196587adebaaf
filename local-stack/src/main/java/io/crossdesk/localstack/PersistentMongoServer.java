package io.crossdesk.localstack;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The MongoDB-compatible server (mongo-java-server) with its H2 file backend: every database lives
 * in one MVStore file. The store commits in the background about once a second; {@link #close}
 * commits the rest, so a graceful stop loses nothing. The store records the commands it receives
 * while a client asks it to ({@link RecordingBackend}); recordings named by a relative path go to
 * {@code dataDirectory/recordings/}.
 */
public final class PersistentMongoServer implements AutoCloseable {

  public static final String DATA_FILE = "crossdesk.mv.db";
  public static final String RECORDINGS = "recordings";

  private final MongoServer server;
  private final InetSocketAddress address;

  private PersistentMongoServer(MongoServer server, InetSocketAddress address) {
    this.server = server;
    this.address = address;
  }

  /** Opens (or creates) {@code dataDirectory/crossdesk.mv.db} and listens on host:port. */
  public static PersistentMongoServer start(Path dataDirectory, String host, int port)
      throws IOException {
    Files.createDirectories(dataDirectory);
    RecordingBackend backend =
        new RecordingBackend(
            dataDirectory.resolve(DATA_FILE).toString(), dataDirectory.resolve(RECORDINGS));
    MongoServer server = new MongoServer(backend);
    try {
      server.bind(host, port);
    } catch (RuntimeException e) {
      backend.close();
      throw e;
    }
    return new PersistentMongoServer(server, server.getLocalAddress());
  }

  public InetSocketAddress address() {
    return address;
  }

  public String connectionString() {
    return "mongodb://" + address.getHostString() + ":" + address.getPort();
  }

  /**
   * Stops listening, closes client connections, ends a recording still running and closes the H2
   * store, which flushes it.
   */
  @Override
  public void close() {
    server.shutdownNow();
  }
}
