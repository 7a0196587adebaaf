package io.crossdesk.localstack;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Usage: {@code MongoServerMain <data-directory> [port] [host]}, defaults 27017 and 127.0.0.1. Runs
 * until SIGTERM or Ctrl-C; the shutdown hook closes the store so its data survives.
 */
public final class MongoServerMain {

  private MongoServerMain() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 3) {
      System.err.println("usage: MongoServerMain <data-directory> [port] [host]");
      System.exit(2);
    }
    LocalLogging.useBundledConfiguration();
    Path dataDirectory = Path.of(args[0]).toAbsolutePath();
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 27017;
    String host = args.length > 2 ? args[2] : "127.0.0.1";

    PersistentMongoServer server = PersistentMongoServer.start(dataDirectory, host, port);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  System.out.println("MongoDB-compatible server stopped, data flushed");
                },
                "mongo-shutdown"));
    System.out.println(
        "MongoDB-compatible server ready on "
            + server.connectionString()
            + " with data in "
            + dataDirectory.resolve(PersistentMongoServer.DATA_FILE));
  }
}
