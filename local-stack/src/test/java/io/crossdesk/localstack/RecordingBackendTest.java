package io.crossdesk.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonRegularExpression;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.UuidRepresentation;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingBackendTest {

  @TempDir Path data;
  @TempDir Path recordings;

  private PersistentMongoServer server;
  private MongoClient client;
  private MongoDatabase admin;
  private MongoDatabase db;

  @BeforeEach
  void start() throws Exception {
    server = PersistentMongoServer.start(data, "127.0.0.1", FreePorts.next());
    client = MongoClients.create(server.connectionString());
    admin = client.getDatabase("admin");
    db = client.getDatabase("crossdesk-recorded");
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void records_every_command_with_its_types_and_outcome_but_no_cursor_continuation_or_handshake()
      throws Exception {
    MongoCollection<BsonDocument> items = db.getCollection("items", BsonDocument.class);
    items.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true).name("one_key"));
    items.insertOne(new BsonDocument("_id", new BsonString("before")).append("key", key(-1)));
    Path file = recordings.resolve("commands.bson");

    Document started = record("start", file, true);
    assertThat(started.getString("file")).isEqualTo(file.toString());
    assertThat(started.get("snapshotDocuments", Number.class).longValue()).isEqualTo(1);

    BsonDocument typed = typedDocument();
    items.insertOne(typed);
    items.insertMany(IntStream.range(0, 10).mapToObj(i -> item(i)).toList());
    List<BsonDocument> all = items.find().batchSize(2).into(new ArrayList<>());
    assertThat(all).hasSize(12);
    items.updateOne(Filters.eq("_id", "item-3"), Updates.inc("count", 1));
    try {
      admin.runCommand(new Document("hello", 1));
    } catch (MongoCommandException notKnownToThisServer) {
      // Sent all the same: what matters is that it is not recorded.
    }
    admin.runCommand(new Document("isMaster", 1));
    Document stopped = record("stop", null, false);

    assertThat(stopped.get("commands", Number.class).longValue()).isEqualTo(4);
    assertThat(stopped.get("skipped", Document.class)).containsKeys("getMore", "isMaster");
    List<RawBsonDocument> entries = entries(file);
    assertThat(entries.get(0).getString("kind").getValue()).isEqualTo("header");
    assertThat(entries.get(entries.size() - 1).getString("kind").getValue()).isEqualTo("end");
    List<BsonDocument> setup =
        ofKind(entries, "setup").stream().map(entry -> entry.getDocument("command")).toList();
    assertThat(setup).contains(new BsonDocument("create", new BsonString("items")));
    BsonDocument createIndexes =
        setup.stream().filter(command -> command.containsKey("createIndexes")).findFirst().get();
    assertThat(createIndexes.getString("createIndexes").getValue()).isEqualTo("items");
    BsonDocument index = createIndexes.getArray("indexes").get(0).asDocument();
    assertThat(index.getString("name").getValue()).isEqualTo("one_key");
    assertThat(index.getBoolean("unique").getValue()).isTrue();
    BsonDocument snapshot =
        setup.stream().filter(command -> command.containsKey("insert")).findFirst().get();
    assertThat(snapshot.getArray("documents"))
        .containsExactly(new BsonDocument("_id", new BsonString("before")).append("key", key(-1)));
    List<BsonDocument> commands = ofKind(entries, "command");
    assertThat(commands)
        .extracting(entry -> entry.getDocument("command").getFirstKey())
        .containsExactly("insert", "insert", "find", "update");
    BsonDocument firstInsert = commands.get(0).getDocument("command");
    assertThat(commands.get(0).getString("db").getValue()).isEqualTo("crossdesk-recorded");
    assertThat(firstInsert.getString("$db").getValue()).isEqualTo("crossdesk-recorded");
    assertThat(firstInsert.getArray("documents")).containsExactly(typed);
    assertThat(commands.get(1).getDocument("outcome").getInt32("n").getValue()).isEqualTo(10);
    assertThat(commands.get(2).getDocument("outcome").getInt32("docs").getValue()).isEqualTo(2);
    assertThat(commands.get(3).getDocument("outcome").getInt32("nModified").getValue())
        .isEqualTo(1);
  }

  @Test
  void a_relative_file_goes_to_the_recordings_directory_and_nothing_is_overwritten()
      throws Exception {
    Document started = record("start", Path.of("run-1.bson"), false);
    Path file = data.resolve(PersistentMongoServer.RECORDINGS).resolve("run-1.bson");
    assertThat(started.getString("file")).isEqualTo(file.toString());

    assertThatThrownBy(() -> record("start", recordings.resolve("other.bson"), false))
        .hasMessageContaining("already recording to " + file);
    assertThat(admin.runCommand(new Document(RecordingBackend.COMMAND, "status")))
        .containsEntry("recording", true)
        .containsEntry("file", file.toString());
    record("stop", null, false);

    assertThat(admin.runCommand(new Document(RecordingBackend.COMMAND, "status")))
        .containsEntry("recording", false);
    assertThatThrownBy(() -> record("stop", null, false)).hasMessageContaining("not recording");
    assertThatThrownBy(() -> record("start", file, false)).hasMessageContaining("cannot create");
    assertThat(Files.size(file)).isPositive();
  }

  @Test
  void a_recording_still_running_when_the_server_closes_is_complete() throws Exception {
    Path file = recordings.resolve("closed.bson");
    record("start", file, false);
    db.getCollection("items").insertOne(new Document("_id", "x"));

    client.close();
    server.close();

    List<RawBsonDocument> entries = entries(file);
    assertThat(ofKind(entries, "command")).hasSize(1);
    assertThat(entries.get(entries.size() - 1).getString("kind").getValue()).isEqualTo("end");
    server = PersistentMongoServer.start(data, "127.0.0.1", FreePorts.next());
    client = MongoClients.create(server.connectionString());
  }

  private Document record(String action, Path file, boolean snapshot) {
    Document command = new Document(RecordingBackend.COMMAND, action);
    if (file != null) {
      command.append("file", file.toString()).append("snapshot", snapshot);
    }
    return admin.runCommand(command);
  }

  private static BsonDocument item(int i) {
    return new BsonDocument("_id", new BsonString("item-" + i))
        .append("key", key(i))
        .append("count", new BsonInt32(0));
  }

  private static BsonString key(int i) {
    return new BsonString("key-" + i);
  }

  /** One field of every type the services' documents carry, and a few more. */
  private static BsonDocument typedDocument() {
    return new BsonDocument("_id", new BsonObjectId(new ObjectId()))
        .append("key", key(100))
        .append("int32", new BsonInt32(7))
        .append("int64", new BsonInt64(7))
        .append("double", new BsonDouble(7.5))
        .append("decimal", new BsonDecimal128(Decimal128.parse("12.340")))
        .append("date", new BsonDateTime(1_700_000_000_123L))
        .append("uuid", new BsonBinary(UUID.randomUUID(), UuidRepresentation.STANDARD))
        .append("bytes", new BsonBinary(new byte[] {1, 2, 3}))
        .append("flag", BsonBoolean.TRUE)
        .append("nothing", BsonNull.VALUE)
        .append("pattern", new BsonRegularExpression("^a.*", "i"))
        .append("timestamp", new BsonTimestamp(1_700_000_000, 3))
        .append(
            "nested",
            new BsonDocument(
                "list", new BsonArray(List.of(new BsonInt32(1), new BsonString("b")))));
  }

  static List<RawBsonDocument> entries(Path file) throws IOException {
    List<RawBsonDocument> entries = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file);
        DataInputStream data = new DataInputStream(in)) {
      while (true) {
        byte[] length = new byte[4];
        try {
          data.readFully(length);
        } catch (EOFException end) {
          return entries;
        }
        int size = ByteBuffer.wrap(length).order(ByteOrder.LITTLE_ENDIAN).getInt();
        byte[] entry = new byte[size];
        System.arraycopy(length, 0, entry, 0, 4);
        data.readFully(entry, 4, size - 4);
        entries.add(new RawBsonDocument(entry));
      }
    }
  }

  private static List<BsonDocument> ofKind(List<RawBsonDocument> entries, String kind) {
    return entries.stream()
        .filter(entry -> entry.getString("kind").getValue().equals(kind))
        .map(BsonDocument.class::cast)
        .toList();
  }
}
