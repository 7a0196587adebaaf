package io.crossdesk.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's file keeps documents and index keys as BSON: every type comes back as it went in,
 * unique indexes keep refusing duplicates after a restart (keys read back from the file), and a
 * file written by the server's own backend (Java serialization) is converted once, nothing lost.
 */
class StoreFormatTest {

  private static final Instant OPENED = Instant.parse("2026-12-01T08:30:00.123Z");
  private static final UUID REQUEST = UUID.fromString("5b0f5c0e-8d3c-4f4e-9a51-0c6a3f1b2d7e");

  @TempDir Path data;

  @Test
  void everyTypeComesBackAsItWentInAfterARestart() throws Exception {
    int port = FreePorts.next();
    Document ticket = ticket("T-1", "EXT-1");
    try (PersistentMongoServer server = PersistentMongoServer.start(data, "127.0.0.1", port);
        MongoClient client = client(server)) {
      indexed(tickets(client)).insertOne(ticket);
    }

    try (PersistentMongoServer server = PersistentMongoServer.start(data, "127.0.0.1", port);
        MongoClient client = client(server)) {
      assertThat(tickets(client).find(Filters.eq("_id", "T-1")).first()).isEqualTo(ticket);
    }
  }

  @Test
  void documentsChangedAgainAndAgainAmongTheirNeighboursComeBackAsLastWritten() throws Exception {
    int port = FreePorts.next();
    try (PersistentMongoServer server = PersistentMongoServer.start(data, "127.0.0.1", port);
        MongoClient client = client(server)) {
      MongoCollection<Document> tickets = filled(client, 300);
      // Pages are written again and again while their documents change one by one, each change a
      // new instance beside neighbours that stay as they were.
      for (int round = 1; round <= 5; round++) {
        for (int i = round % 3; i < 300; i += 3) {
          tickets.updateOne(
              Filters.eq("_id", "T-" + i),
              Updates.combine(Updates.set("round", round), Updates.push("notes", "n" + round)));
        }
      }
      tickets.updateOne(Filters.eq("_id", "T-7"), Updates.set("externalId", "EXT-7-moved"));
    }

    try (PersistentMongoServer server = PersistentMongoServer.start(data, "127.0.0.1", port);
        MongoClient client = client(server)) {
      MongoCollection<Document> tickets = tickets(client);
      for (int i = 0; i < 300; i++) {
        Document stored = tickets.find(Filters.eq("_id", "T-" + i)).first();
        List<Integer> rounds = roundsOf(i);
        assertThat(stored.get("round"))
            .as("T-%d", i)
            .isEqualTo(rounds.isEmpty() ? null : rounds.get(rounds.size() - 1));
        assertThat(stored.getList("notes", String.class, List.of())).hasSize(rounds.size());
      }
      assertThat(tickets.find(Filters.eq("externalId", "EXT-7-moved")).first())
          .extracting(d -> d.get("_id"))
          .isEqualTo("T-7");
      assertDuplicateRefused(tickets);
    }
  }

  /** The rounds 1-5 whose updates reach ticket {@code i}, in order. */
  private static List<Integer> roundsOf(int i) {
    List<Integer> rounds = new ArrayList<>();
    for (int round = 1; round <= 5; round++) {
      if (i % 3 == round % 3) {
        rounds.add(round);
      }
    }
    return rounds;
  }

  @Test
  void uniqueIndexesRefuseDuplicatesBeforeAndAfterARestart() throws Exception {
    int port = FreePorts.next();
    try (PersistentMongoServer server = PersistentMongoServer.start(data, "127.0.0.1", port);
        MongoClient client = client(server)) {
      MongoCollection<Document> tickets = filled(client, 500);
      assertDuplicateRefused(tickets);
    }

    try (PersistentMongoServer server = PersistentMongoServer.start(data, "127.0.0.1", port);
        MongoClient client = client(server)) {
      MongoCollection<Document> tickets = tickets(client);
      assertDuplicateRefused(tickets);
      assertThat(tickets.countDocuments()).isEqualTo(500);
      assertThat(tickets.find(Filters.eq("origin.externalId", "EXT-321")).first().get("_id"))
          .isEqualTo("T-321");
      tickets.updateOne(
          Filters.and(Filters.eq("_id", "T-7"), Filters.eq("version", 1L)),
          Updates.inc("version", 1L));
      assertThat(tickets.find(Filters.eq("_id", "T-7")).first().get("version")).isEqualTo(2L);
      assertThat(
              tickets.countDocuments(
                  Filters.and(Filters.eq("_id", "T-7"), Filters.eq("version", 2L))))
          .isOne();
    }
  }

  @Test
  void documentsWithIdsOfDifferentTypesLiveInOneCollection() throws Exception {
    int port = FreePorts.next();
    ObjectId objectId = new ObjectId();
    try (PersistentMongoServer server = PersistentMongoServer.start(data, "127.0.0.1", port);
        MongoClient client = client(server)) {
      MongoCollection<Document> mixed = client.getDatabase("crossdesk-test").getCollection("mixed");
      mixed.insertMany(
          List.of(
              new Document("_id", "b").append("kind", "string"),
              new Document("_id", 42L).append("kind", "long"),
              new Document("_id", objectId).append("kind", "objectId"),
              new Document("_id", new Document("tenant", "t1").append("n", 1))
                  .append("kind", "document")));
    }

    try (PersistentMongoServer server = PersistentMongoServer.start(data, "127.0.0.1", port);
        MongoClient client = client(server)) {
      MongoCollection<Document> mixed = client.getDatabase("crossdesk-test").getCollection("mixed");
      assertThat(mixed.find(Filters.eq("_id", objectId)).first().getString("kind"))
          .isEqualTo("objectId");
      assertThat(mixed.find(Filters.eq("_id", 42L)).first().getString("kind")).isEqualTo("long");
      Document byDocumentId =
          mixed.find(Filters.eq("_id", new Document("tenant", "t1").append("n", 1))).first();
      assertThat(byDocumentId.getString("kind")).isEqualTo("document");
      assertThatThrownBy(() -> mixed.insertOne(new Document("_id", "b")))
          .isInstanceOfSatisfying(
              MongoWriteException.class,
              e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }
  }

  @Test
  void aFileWrittenByTheServersOwnBackendIsConvertedOnce() throws Exception {
    int port = FreePorts.next();
    Path file = data.resolve(PersistentMongoServer.DATA_FILE);
    List<Document> written = new ArrayList<>();
    H2Backend javaSerialized = new H2Backend(file.toString());
    MongoServer old = new MongoServer(javaSerialized);
    old.bind("127.0.0.1", port);
    try (MongoClient client = MongoClients.create(uri(port))) {
      MongoCollection<Document> tickets = indexed(tickets(client));
      for (int i = 0; i < 50; i++) {
        Document ticket = ticket("T-" + i, "EXT-" + i);
        tickets.insertOne(ticket);
        written.add(ticket);
      }
    } finally {
      old.shutdownNow();
    }

    try (PersistentMongoServer server = PersistentMongoServer.start(data, "127.0.0.1", port);
        MongoClient client = client(server)) {
      MongoCollection<Document> tickets = tickets(client);
      assertThat(tickets.find().sort(Sorts.ascending("number")).into(new ArrayList<>()))
          .containsExactlyElementsOf(written);
      assertDuplicateRefused(tickets);
    }
    assertThat(data.resolve(PersistentMongoServer.DATA_FILE + ".java-serialized")).exists();

    try (PersistentMongoServer server = PersistentMongoServer.start(data, "127.0.0.1", port);
        MongoClient client = client(server)) {
      assertThat(tickets(client).countDocuments()).isEqualTo(50);
    }
  }

  /** The indexed tickets collection with tickets T-0, T-1, ... (external ids EXT-0, ...). */
  private static MongoCollection<Document> filled(MongoClient client, int count) {
    MongoCollection<Document> tickets = indexed(tickets(client));
    for (int i = 0; i < count; i++) {
      tickets.insertOne(ticket("T-" + i, "EXT-" + i));
    }
    return tickets;
  }

  private static void assertDuplicateRefused(MongoCollection<Document> tickets) {
    long before = tickets.countDocuments();
    assertThatThrownBy(() -> tickets.insertOne(ticket("T-NEW", "EXT-3")))
        .isInstanceOfSatisfying(
            MongoWriteException.class,
            e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    assertThatThrownBy(() -> tickets.insertOne(ticket("T-3", "EXT-NEW")))
        .isInstanceOf(MongoWriteException.class);
    assertThat(tickets.countDocuments()).isEqualTo(before);
  }

  private static Document ticket(String id, String externalId) {
    int number = Integer.parseInt(id.substring(2).replace("NEW", "-1"));
    return new Document("_id", id)
        .append("number", number)
        .append("version", 1L)
        .append("origin", new Document("sourceSystem", "crm").append("externalId", externalId))
        .append("openedAt", java.util.Date.from(OPENED.plus(number, ChronoUnit.MINUTES)))
        .append("request", REQUEST)
        .append("amount", Decimal128.parse("199.90"))
        .append("ratio", 0.75)
        .append("urgent", number % 2 == 0)
        .append("note", null)
        .append("owner", new ObjectId("65a1f0c2e4b0a1b2c3d4e5f6"))
        .append("tags", List.of("billing", "vip"))
        .append(
            "timeline",
            List.of(
                new Document("kind", "opened").append("at", java.util.Date.from(OPENED)),
                new Document("kind", "routed").append("steps", List.of(1, 2L, 3.5))));
  }

  private static MongoCollection<Document> indexed(MongoCollection<Document> tickets) {
    tickets.createIndex(
        Indexes.ascending("origin.sourceSystem", "origin.externalId"),
        new IndexOptions().unique(true).sparse(true).name("origin"));
    tickets.createIndex(
        Indexes.ascending("_id", "version"), new IndexOptions().unique(true).name("id_version"));
    return tickets;
  }

  private static MongoCollection<Document> tickets(MongoClient client) {
    return client.getDatabase("crossdesk-tickets").getCollection("tickets");
  }

  private static MongoClient client(PersistentMongoServer server) {
    return MongoClients.create(
        com.mongodb.MongoClientSettings.builder()
            .applyConnectionString(new com.mongodb.ConnectionString(server.connectionString()))
            .uuidRepresentation(UuidRepresentation.STANDARD)
            .build());
  }

  private static String uri(int port) {
    return "mongodb://127.0.0.1:" + port + "/?uuidRepresentation=standard";
  }
}
