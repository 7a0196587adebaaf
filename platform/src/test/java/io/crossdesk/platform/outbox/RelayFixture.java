package io.crossdesk.platform.outbox;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.testsupport.MutableClock;
import io.crossdesk.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.BsonValue;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Relays on a database and a topic of their own, against the test broker and MongoDB server,
 * writing documents the way {@link io.crossdesk.platform.aggregate.AggregateStore} does: entries
 * stamped by the writer, then the document, then the queue of the writing instance.
 */
public final class RelayFixture implements AutoCloseable {

  static final Duration LEASE = Duration.ofSeconds(45);
  static final String COLLECTION = "parcels";

  final MongoClient client;
  private final Map<String, Integer> commands = new java.util.concurrent.ConcurrentHashMap<>();
  public final MongoTemplate mongo;
  private PendingEvents pending;
  public final String topic = "relay-test-" + UUID.randomUUID().toString().substring(0, 8);
  final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
  private final List<DefaultKafkaProducerFactory<String, String>> producers = new ArrayList<>();

  public RelayFixture() {
    TestInfrastructure infrastructure = TestInfrastructure.get();
    String database = "relay-" + UUID.randomUUID().toString().substring(0, 8);
    client =
        MongoClients.create(
            MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(infrastructure.mongoUri(database)))
                .addCommandListener(
                    new CommandListener() {
                      @Override
                      public void commandStarted(CommandStartedEvent event) {
                        BsonValue target = event.getCommand().get(event.getCommandName());
                        if (target != null && target.isString()) {
                          commands.merge(target.asString().getValue(), 1, Integer::sum);
                        }
                      }
                    })
                .build());
    mongo = new MongoTemplate(client, database);
  }

  OutboxProperties properties(int batchSize) {
    return properties(batchSize, Duration.ZERO);
  }

  OutboxProperties properties(int batchSize, Duration markerRemovalDelay) {
    return new OutboxProperties(
        Duration.ofMillis(100),
        batchSize,
        LEASE,
        Duration.ofSeconds(1),
        Duration.ofSeconds(8),
        3,
        Duration.ofSeconds(5),
        markerRemovalDelay);
  }

  public OutboxRelay relay(int batchSize) {
    return relay(batchSize, Duration.ZERO);
  }

  /** A relay of another instance: its own writer, markers and memory of what is done. */
  OutboxRelay relayOfAnotherInstance(int batchSize) {
    return relay(
        properties(batchSize, Duration.ZERO),
        TestInfrastructure.get().kafkaBootstrapServers(),
        anotherWriter());
  }

  /** A relay that gathers the markers of published events for {@code markerRemovalDelay}. */
  OutboxRelay relay(int batchSize, Duration markerRemovalDelay) {
    return relay(
        properties(batchSize, markerRemovalDelay),
        TestInfrastructure.get().kafkaBootstrapServers(),
        10_000,
        20_000);
  }

  /** A relay whose producer talks to a port nothing listens on, and gives up on it quickly. */
  OutboxRelay cutOffRelay(int batchSize) {
    return relay(properties(batchSize), "127.0.0.1:1", 500, 2_000);
  }

  private OutboxRelay relay(
      OutboxProperties properties, String bootstrapServers, PendingEvents pending) {
    return relay(properties, bootstrapServers, 10_000, 20_000, pending);
  }

  private OutboxRelay relay(
      OutboxProperties properties,
      String bootstrapServers,
      int maxBlockMillis,
      int deliveryTimeoutMillis) {
    return relay(properties, bootstrapServers, maxBlockMillis, deliveryTimeoutMillis, pending());
  }

  private OutboxRelay relay(
      OutboxProperties properties,
      String bootstrapServers,
      int maxBlockMillis,
      int deliveryTimeoutMillis,
      PendingEvents pending) {
    DefaultKafkaProducerFactory<String, String> factory =
        new DefaultKafkaProducerFactory<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                500,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                1000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                2000));
    producers.add(factory);
    return new OutboxRelay(
        mongo,
        new KafkaTemplate<>(factory),
        pending,
        new ParkedEvents(mongo),
        properties,
        clock,
        new SimpleMeterRegistry());
  }

  /** The markers, one instance for the relay and the aggregate store, as in a service. */
  public PendingEvents pending() {
    if (pending == null) {
      pending = new PendingEvents(mongo, clock, LEASE);
    }
    return pending;
  }

  /** The writer of another instance on the same database and clock. */
  PendingEvents anotherWriter() {
    return new PendingEvents(mongo, clock, LEASE);
  }

  /** Writes a new document with these events, as a writer on {@code writer}'s instance would. */
  void insert(OutboxRelay writer, String id, List<EventMessage> events) {
    insert(pending(), writer, id, events);
  }

  /**
   * Writes a new document with these events stamped by {@code stamping}, queued for {@code writer}
   * when there is one.
   */
  void insert(PendingEvents stamping, OutboxRelay writer, String id, List<EventMessage> events) {
    Document document = new Document("_id", id).append("state", "new");
    document.append(OutboxEntries.FIELD, stamping.open(COLLECTION, id, events));
    mongo.getCollection(COLLECTION).insertOne(document);
    if (writer != null) {
      writer.enqueue(COLLECTION, id);
    }
  }

  /**
   * Appends events to a document's outbox, as {@link
   * io.crossdesk.platform.aggregate.AggregateStore#change} does.
   */
  void append(OutboxRelay writer, String id, List<EventMessage> events) {
    List<Document> entries = pending().open(COLLECTION, id, events);
    mongo
        .getCollection(COLLECTION)
        .updateOne(
            new Document("_id", id),
            new Document(
                "$push", new Document(OutboxEntries.FIELD, new Document("$each", entries))));
    writer.enqueue(COLLECTION, id);
  }

  EventMessage event(String key, String topic) {
    String id = UUID.randomUUID().toString();
    return new EventMessage(
        id,
        "/crossdesk/relay-test",
        "crossdesk.parcel.registered.v1",
        key,
        clock.instant(),
        "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
        topic,
        key,
        "{\"parcel\":\"" + key + "\",\"event\":\"" + id + "\"}");
  }

  public EventMessage event(String key) {
    return event(key, topic);
  }

  public List<Document> outbox(String id) {
    Document document = mongo.getCollection(COLLECTION).find(new Document("_id", id)).first();
    return document == null ? List.of() : document.getList(OutboxEntries.FIELD, Document.class);
  }

  /** How many commands this fixture's client sent on {@code collection} so far. */
  public int commandsOn(String collection) {
    return commands.getOrDefault(collection, 0);
  }

  public long markers() {
    return mongo.getCollection(PendingEvents.COLLECTION).countDocuments();
  }

  /** Events waiting to be published: this instance's open ones and every marked one. */
  public long waiting() {
    return pending().countByCollection().values().stream().mapToLong(Long::longValue).sum();
  }

  /** The writers' lease documents, by id. */
  public Map<String, Document> writers() {
    Map<String, Document> writers = new java.util.LinkedHashMap<>();
    mongo
        .getCollection(PendingEvents.WRITERS)
        .find()
        .forEach(writer -> writers.put(writer.getString("_id"), writer));
    return writers;
  }

  @Override
  public void close() {
    producers.forEach(DefaultKafkaProducerFactory::destroy);
    client.close();
  }
}
