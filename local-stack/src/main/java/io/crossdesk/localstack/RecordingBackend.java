package io.crossdesk.localstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import io.crossdesk.localstack.store.StoreFormat;
import io.netty.channel.Channel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The H2 file backend, able to record the commands it receives while a client asks it to. Every
 * command, whatever the wire message that carried it, reaches {@link #handleCommand}; while no
 * recording runs, that costs one read of a volatile field.
 *
 * <p>Switched through the driver like any command, on any database:
 *
 * <ul>
 *   <li>{@code {crossdeskRecording: "start", file: "<path>", snapshot: true}}: creates the file (a
 *       relative path is taken inside the recordings directory; an existing file is refused),
 *       writes the setup (every collection and its indexes; with {@code snapshot}, also every
 *       document the store holds now) and records from then on. Answers the file and the setup
 *       written.
 *   <li>{@code {crossdeskRecording: "stop"}}: waits for the commands under way, closes the file and
 *       answers {@code {ok: 1, file, commands: n, skipped: {command: n, ...}, ...}}.
 *   <li>{@code {crossdeskRecording: "status"}}: whether a recording runs, and into which file.
 * </ul>
 */
public final class RecordingBackend extends H2Backend {

  public static final String COMMAND = "crossdeskRecording";

  private static final int BAD_VALUE = 2;
  private static final int ILLEGAL_OPERATION = 20;
  private static final Set<String> SYSTEM_DATABASES = Set.of("admin", "local", "config");
  private static final int SNAPSHOT_BATCH_DOCUMENTS = 1000;
  private static final int SNAPSHOT_BATCH_BYTES = 4 << 20;

  private final Path recordingsDirectory;
  private final Object control = new Object();
  private volatile CommandRecording recording;

  /** {@code recordingsDirectory}: where a recording named by a relative path goes. */
  public RecordingBackend(String fileName, Path recordingsDirectory) {
    super(StoreFormat.open(Path.of(fileName)));
    this.recordingsDirectory = recordingsDirectory.toAbsolutePath();
  }

  /** Collections and indexes in the BSON format of {@link StoreFormat}. */
  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return StoreFormat.database(databaseName, getMvStore(), getCursorRegistry());
  }

  @Override
  public Document handleCommand(
      Channel channel, String databaseName, String command, Document query) {
    if (command.equalsIgnoreCase(COMMAND)) {
      return control(channel, query);
    }
    CommandRecording active = recording;
    if (active == null || active.skips(command) || !active.enter()) {
      return super.handleCommand(channel, databaseName, command, query);
    }
    try {
      long start = System.nanoTime();
      byte[] encoded = BsonBytes.encode(query);
      Document response;
      try {
        response = super.handleCommand(channel, databaseName, command, query);
      } catch (RuntimeException e) {
        active.add(databaseName, encoded, start, System.nanoTime(), CommandRecording.outcome(e));
        throw e;
      }
      active.add(
          databaseName, encoded, start, System.nanoTime(), CommandRecording.outcome(response));
      return response;
    } finally {
      active.exit();
    }
  }

  /** A recording still running is stopped first, so that its file is complete. */
  @Override
  public void close() {
    synchronized (control) {
      CommandRecording active = recording;
      recording = null;
      if (active != null) {
        try {
          active.stop();
        } catch (IOException | RuntimeException e) {
          // Closing goes on: the store's own data matters more than the recording.
        }
      }
    }
    super.close();
  }

  private Document control(Channel channel, Document query) {
    Object action = query.get(COMMAND);
    synchronized (control) {
      if ("start".equals(action)) {
        return start(channel, query);
      }
      if ("stop".equals(action)) {
        return stop();
      }
      if ("status".equals(action)) {
        CommandRecording active = recording;
        Document reply = new Document("recording", active != null);
        if (active != null) {
          reply.append("file", active.file().toString());
        }
        return ok(reply);
      }
    }
    throw new MongoServerError(
        BAD_VALUE, COMMAND + " takes \"start\", \"stop\" or \"status\", not " + action);
  }

  private Document start(Channel channel, Document query) {
    if (recording != null) {
      throw new MongoServerError(ILLEGAL_OPERATION, "already recording to " + recording.file());
    }
    if (!(query.get("file") instanceof String name) || name.isBlank()) {
      throw new MongoServerError(BAD_VALUE, "start needs file: the path of the recording");
    }
    boolean snapshot = isTrue(query.get("snapshot"));
    Path file = recordingsDirectory.resolve(name).toAbsolutePath().normalize();
    CommandRecording started;
    try {
      started = CommandRecording.create(file, snapshot);
    } catch (IOException e) {
      throw new MongoServerError(BAD_VALUE, "cannot create " + file + ": " + e);
    }
    long documents;
    try {
      documents = writeSetup(channel, started, snapshot);
    } catch (RuntimeException e) {
      started.abandon();
      throw e;
    }
    started.start();
    recording = started;
    return ok(
        new Document("file", file.toString())
            .append("setupEntries", started.setupEntries())
            .append("snapshotDocuments", documents));
  }

  private Document stop() {
    CommandRecording active = recording;
    if (active == null) {
      throw new MongoServerError(ILLEGAL_OPERATION, "not recording");
    }
    recording = null;
    try {
      return ok(active.stop());
    } catch (IOException e) {
      throw new MongoServerError(BAD_VALUE, "recording to " + active.file() + " failed: " + e);
    }
  }

  /**
   * Every collection of every database but the server's own, with its indexes, and with {@code
   * snapshot} its documents: what a replay into fresh databases starts from. Returns the documents
   * written.
   */
  private long writeSetup(Channel channel, CommandRecording into, boolean snapshot) {
    long documents = 0;
    for (String database : new TreeSet<>(listDatabaseNames())) {
      if (SYSTEM_DATABASES.contains(database)) {
        continue;
      }
      Document listed =
          super.handleCommand(
              channel, database, "listCollections", new Document("listCollections", 1));
      for (Document collection : firstBatch(listed)) {
        String name = (String) collection.get("name");
        if (name.startsWith("system.")) {
          continue;
        }
        into.setup(database, new Document("create", name));
        List<Document> indexes = new ArrayList<>();
        Document listedIndexes =
            super.handleCommand(
                channel, database, "listIndexes", new Document("listIndexes", name));
        for (Document index : firstBatch(listedIndexes)) {
          if (!"_id_".equals(index.get("name"))) {
            Document spec = new Document(index);
            spec.remove("v");
            spec.remove("ns");
            indexes.add(spec);
          }
        }
        if (!indexes.isEmpty()) {
          into.setup(database, new Document("createIndexes", name).append("indexes", indexes));
        }
        if (snapshot) {
          documents += snapshot(into, database, name);
        }
      }
    }
    return documents;
  }

  private long snapshot(CommandRecording into, String database, String collectionName) {
    MongoDatabase mongoDatabase = resolveDatabase(database);
    MongoCollection<?> collection = mongoDatabase.resolveCollection(collectionName, false);
    if (collection == null) {
      return 0;
    }
    long written = 0;
    List<byte[]> batch = new ArrayList<>();
    int batchBytes = 0;
    try (Stream<Document> documents = collection.queryAllAsStream()) {
      Iterator<Document> iterator = documents.iterator();
      while (iterator.hasNext()) {
        byte[] encoded = BsonBytes.encode(iterator.next());
        if (!batch.isEmpty()
            && (batch.size() == SNAPSHOT_BATCH_DOCUMENTS
                || batchBytes + encoded.length > SNAPSHOT_BATCH_BYTES)) {
          into.setupInsert(database, collectionName, batch);
          batch = new ArrayList<>();
          batchBytes = 0;
        }
        batch.add(encoded);
        batchBytes += encoded.length;
        written++;
      }
    }
    if (!batch.isEmpty()) {
      into.setupInsert(database, collectionName, batch);
    }
    return written;
  }

  @SuppressWarnings("unchecked")
  private static List<Document> firstBatch(Document response) {
    Document cursor = (Document) response.get("cursor");
    return cursor == null ? List.of() : (List<Document>) cursor.get("firstBatch");
  }

  private static boolean isTrue(Object value) {
    return Boolean.TRUE.equals(value) || (value instanceof Number n && n.doubleValue() != 0);
  }

  private static Document ok(Document reply) {
    return reply.append("ok", 1.0);
  }
}
