package io.crossdesk.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The Kafka broker and MongoDB server that integration tests run against, one of each per test JVM.
 * One switch chooses them: system property {@code crossdesk.test.backend} or environment variable
 * {@code CROSSDESK_TEST_BACKEND}, {@code auto} (default: containers when a Docker engine answers),
 * {@code containers} or {@code embedded}. Containers are Apache Kafka (KRaft) and a MongoDB replica
 * set; embedded are the real Kafka broker in-process (KRaft) and the MongoDB wire-protocol server
 * mongo-java-server.
 */
public final class TestInfrastructure {

  private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
  private static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
  private static final String MONGO_IMAGE = "mongo:8.0";

  private static TestInfrastructure instance;

  private final Backend backend;
  private final String bootstrapServers;
  private final String mongoAddress;

  /** Which servers the tests use. */
  public enum Backend {
    CONTAINERS,
    EMBEDDED
  }

  private TestInfrastructure(Backend backend, String bootstrapServers, String mongoAddress) {
    this.backend = backend;
    this.bootstrapServers = bootstrapServers;
    this.mongoAddress = mongoAddress;
  }

  public static synchronized TestInfrastructure get() {
    if (instance == null) {
      instance = start(chooseBackend());
    }
    return instance;
  }

  public Backend backend() {
    return backend;
  }

  public String kafkaBootstrapServers() {
    return bootstrapServers;
  }

  /** A connection string for {@code database}. */
  public String mongoUri(String database) {
    return "mongodb://" + mongoAddress + "/" + database;
  }

  private static Backend chooseBackend() {
    String choice =
        System.getProperty(
            "crossdesk.test.backend",
            System.getenv().getOrDefault("CROSSDESK_TEST_BACKEND", "auto"));
    return choose(choice, () -> DockerClientFactory.instance().isDockerAvailable());
  }

  /**
   * The backend a choice means. {@code containers} insists on them: without a Docker engine it
   * fails at once rather than quietly testing against something else; {@code auto} takes containers
   * when an engine answers and says so when it falls back.
   *
   * @param dockerAvailable asked only when the choice depends on it
   */
  static Backend choose(String choice, BooleanSupplier dockerAvailable) {
    return switch (choice.trim().toLowerCase(Locale.ROOT)) {
      case "containers" -> {
        if (!dockerAvailable.getAsBoolean()) {
          throw new IllegalStateException(
              "crossdesk.test.backend is containers, but no Docker engine answers: start one, or"
                  + " choose embedded or auto");
        }
        yield Backend.CONTAINERS;
      }
      case "embedded" -> Backend.EMBEDDED;
      case "auto" -> {
        if (dockerAvailable.getAsBoolean()) {
          yield Backend.CONTAINERS;
        }
        log.warn(
            "No Docker engine answers: testing against the embedded servers. Set"
                + " crossdesk.test.backend=containers where containers are expected.");
        yield Backend.EMBEDDED;
      }
      default ->
          throw new IllegalArgumentException(
              "crossdesk.test.backend must be auto, containers or embedded, not " + choice);
    };
  }

  private static TestInfrastructure start(Backend backend) {
    long started = System.nanoTime();
    TestInfrastructure infrastructure =
        backend == Backend.CONTAINERS ? startContainers() : startEmbedded();
    log.info(
        "Crossdesk test backend: {} (Kafka {}, MongoDB {}) ready in {} ms",
        backend == Backend.CONTAINERS
            ? "CONTAINERS: Testcontainers Apache Kafka KRaft + MongoDB replica set"
            : "EMBEDDED: in-process Apache Kafka KRaft broker + mongo-java-server",
        infrastructure.bootstrapServers,
        infrastructure.mongoAddress,
        (System.nanoTime() - started) / 1_000_000);
    return infrastructure;
  }

  private static TestInfrastructure startContainers() {
    KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
    MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE).withReplicaSet();
    kafka.start();
    mongo.start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  kafka.stop();
                  mongo.stop();
                }));
    String replicaSetUrl = mongo.getReplicaSetUrl("x");
    String address = replicaSetUrl.substring("mongodb://".length(), replicaSetUrl.lastIndexOf('/'));
    return new TestInfrastructure(Backend.CONTAINERS, kafka.getBootstrapServers(), address);
  }

  private static TestInfrastructure startEmbedded() {
    EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3);
    kafka.brokerProperties(
        Map.of(
            "auto.create.topics.enable", "true",
            "offsets.topic.replication.factor", "1",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "group.initial.rebalance.delay.ms", "0"));
    kafka.afterPropertiesSet();
    MongoServer mongo = new MongoServer(new MemoryBackend());
    mongo.bind("127.0.0.1", 0);
    InetSocketAddress address = mongo.getLocalAddress();
    // Nothing stops the broker at exit: the services under test close their clients in shutdown
    // hooks of their own, which run at the same time, and a broker going away under them makes
    // each wait out its timeouts. Its log directories are temporary and deleted at exit.
    return new TestInfrastructure(
        Backend.EMBEDDED, kafka.getBrokersAsString(), "127.0.0.1:" + address.getPort());
  }
}
