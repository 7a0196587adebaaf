package io.crossdesk.benchmark.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.crossdesk.benchmark.result.StoreReplayResult;
import io.crossdesk.localstack.PersistentMongoServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreReplayTest {

  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
  private static final String TICKETS_DB = "crossdesk-tickets";
  private static final String WORKORDERS_DB = "crossdesk-workorders";

  @TempDir Path recorded;
  @TempDir Path fresh;
  @TempDir Path recordings;

  @Test
  void the_recorded_commands_replayed_on_a_fresh_server_leave_the_same_documents() {
    Path file = recordings.resolve("store.bson");
    Map<String, List<BsonDocument>> expected;
    try (PersistentMongoServer server = server(recorded);
        MongoClient client = MongoClients.create(server.connectionString())) {
      MongoDatabase tickets = client.getDatabase(TICKETS_DB);
      tickets
          .getCollection("tickets")
          .createIndex(Indexes.ascending("number"), new IndexOptions().unique(true).name("number"));
      tickets.getCollection("counters").insertOne(new Document("_id", "tickets").append("next", 1));
      StoreRecorder recorder = new StoreRecorder(client);
      assertThat(recorder.available()).isTrue();

      Document started = recorder.start(file, true);
      assertThat(started.get("snapshotDocuments", Number.class).longValue()).isEqualTo(1);
      runTheKindsOfCommandsTheServicesSend(client);
      Document stopped = recorder.stop();

      assertThat(stopped.get("commands", Number.class).longValue()).isEqualTo(8);
      expected = contents(client, TICKETS_DB, WORKORDERS_DB);
    }

    Recording recording = Recording.read(file);
    assertThat(recording.complete()).isTrue();
    assertThat(recording.commandCounts())
        .containsOnlyKeys("insert", "update", "find", "findAndModify", "delete")
        .containsEntry("insert", 3L)
        .containsEntry("find", 2L);
    assertThat(recording.skipped()).containsKeys("getMore", "isMaster");
    assertThat(recording.tickets()).isEqualTo(6);
    assertThat(recording.setupDocuments()).isEqualTo(1);

    try (PersistentMongoServer server = server(fresh);
        MongoClient client = MongoClients.create(server.connectionString())) {
      StoreReplay replay = new StoreReplay(client, "test", null, QUIET).keepingDatabases();

      StoreReplayResult result = replay.run(recording, 1, "a test");

      assertThat(result.commands()).isEqualTo(8);
      assertThat(result.tickets()).isEqualTo(6);
      assertThat(result.threads()).isEqualTo(1);
      assertThat(result.refused()).isEmpty();
      assertThat(result.setupRefused()).isZero();
      assertThat(result.answeredDifferently()).isEmpty();
      assertThat(result.commandsPerTicket()).containsEntry("total", 8.0 / 6);
      assertThat(result.ticketsPerSecond())
          .isCloseTo(result.commandsPerSecond() * 6 / 8, Offset.offset(1e-9));
      String ticketsReplay = replay.target(TICKETS_DB);
      String workOrdersReplay = replay.target(WORKORDERS_DB);
      assertThat(ticketsReplay).isEqualTo("replay_test_" + TICKETS_DB);
      Map<String, List<BsonDocument>> replayed = contents(client, ticketsReplay, workOrdersReplay);
      assertThat(replayed).isEqualTo(renamed(expected, replay));
      assertThat(
              client
                  .getDatabase(ticketsReplay)
                  .getCollection("tickets")
                  .listIndexes(BsonDocument.class)
                  .into(new ArrayList<>()))
          .anySatisfy(
              index -> {
                assertThat(index.getString("name").getValue()).isEqualTo("number");
                assertThat(index.getBoolean("unique").getValue()).isTrue();
              });
    }
  }

  @Test
  void each_thread_replays_a_contiguous_part_and_the_replays_databases_are_dropped() {
    Path file = recordings.resolve("inserts.bson");
    try (PersistentMongoServer server = server(recorded);
        MongoClient client = MongoClients.create(server.connectionString())) {
      StoreRecorder recorder = new StoreRecorder(client);
      recorder.start(file, false);
      MongoCollection<Document> tickets = client.getDatabase(TICKETS_DB).getCollection("tickets");
      IntStream.range(0, 40).forEach(i -> tickets.insertOne(new Document("_id", "t-" + i)));
      recorder.stop();
    }
    Recording recording = Recording.read(file);

    try (PersistentMongoServer server = server(fresh);
        MongoClient client = MongoClients.create(server.connectionString())) {
      StoreReplayResult result =
          new StoreReplay(client, "four", null, QUIET).run(recording, 4, null);

      assertThat(result.threads()).isEqualTo(4);
      assertThat(result.commands()).isEqualTo(40);
      assertThat(result.tickets()).isEqualTo(40);
      assertThat(result.answeredDifferently()).isEmpty();
      assertThat(result.commandsPerSecond()).isPositive();
      assertThat(client.listDatabaseNames().into(new ArrayList<>()))
          .noneMatch(name -> name.startsWith("replay_four_"));
    }
    assertThat(StoreReplay.split(List.of(1, 2, 3, 4, 5, 6, 7), 3))
        .containsExactly(List.of(1, 2), List.of(3, 4), List.of(5, 6, 7));
    assertThat(StoreReplay.split(List.of(1, 2), 4)).containsExactly(List.of(1), List.of(2));
  }

  /** Insert, bulk insert, update by _id, find, findAndModify, delete; and what is not recorded. */
  private static void runTheKindsOfCommandsTheServicesSend(MongoClient client) {
    MongoDatabase database = client.getDatabase(TICKETS_DB);
    MongoCollection<BsonDocument> tickets = database.getCollection("tickets", BsonDocument.class);
    tickets.insertOne(ticket(1));
    tickets.insertMany(
        IntStream.rangeClosed(2, 6).mapToObj(StoreReplayTest::ticket).toList(),
        new InsertManyOptions().ordered(false));
    tickets.updateOne(
        Filters.and(Filters.eq("_id", "t-1"), Filters.eq("version", 0L)),
        Updates.combine(Updates.set("status", "ROUTED"), Updates.inc("version", 1L)));
    assertThat(tickets.find(Filters.eq("_id", "t-2")).first()).isNotNull();
    database
        .getCollection("counters")
        .findOneAndUpdate(
            Filters.eq("_id", "tickets"),
            Updates.inc("next", 50),
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    tickets.deleteOne(Filters.eq("_id", "t-6"));
    // A find read in batches of two: the driver continues it with getMore, which is not recorded.
    assertThat(tickets.find().batchSize(2).into(new ArrayList<>())).hasSize(5);
    MongoDatabase admin = client.getDatabase("admin");
    try {
      admin.runCommand(new Document("hello", 1));
    } catch (MongoCommandException unknownToThisServer) {
      // What matters is that it is not recorded.
    }
    admin.runCommand(new Document("isMaster", 1));
    client
        .getDatabase(WORKORDERS_DB)
        .getCollection("work_orders")
        .insertOne(new Document("_id", "w-1").append("ticketId", "t-1"));
  }

  private static BsonDocument ticket(int i) {
    return new BsonDocument("_id", new BsonString("t-" + i))
        .append("number", new BsonInt32(1000 + i))
        .append("version", new BsonInt64(0))
        .append("openedAt", new BsonDateTime(1_700_000_000_000L + i))
        .append("status", new BsonString("OPEN"));
  }

  /** Every document of every collection of the databases, by "database.collection", by _id. */
  private static Map<String, List<BsonDocument>> contents(MongoClient client, String... names) {
    Map<String, List<BsonDocument>> contents = new TreeMap<>();
    for (String name : names) {
      MongoDatabase database = client.getDatabase(name);
      for (String collection : database.listCollectionNames()) {
        contents.put(
            name + "." + collection,
            database
                .getCollection(collection, BsonDocument.class)
                .find()
                .sort(new Document("_id", 1))
                .into(new ArrayList<>()));
      }
    }
    return contents;
  }

  private static Map<String, List<BsonDocument>> renamed(
      Map<String, List<BsonDocument>> contents, StoreReplay replay) {
    Map<String, List<BsonDocument>> renamed = new TreeMap<>();
    contents.forEach(
        (namespace, documents) -> {
          int dot = namespace.indexOf('.');
          renamed.put(
              replay.target(namespace.substring(0, dot)) + namespace.substring(dot), documents);
        });
    return renamed;
  }

  private static PersistentMongoServer server(Path data) {
    try {
      return PersistentMongoServer.start(data, "127.0.0.1", freePort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
