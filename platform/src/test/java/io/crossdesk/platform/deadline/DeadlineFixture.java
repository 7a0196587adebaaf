package io.crossdesk.platform.deadline;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.crossdesk.testsupport.MutableClock;
import io.crossdesk.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Deadlines and pollers on a database of their own, against the test MongoDB server, with a clock
 * the test moves. Each poller stands for one instance of a service.
 */
final class DeadlineFixture implements AutoCloseable {

  static final String KIND = "ticket.escalation";
  static final Duration LEASE = Duration.ofSeconds(60);
  static final Duration RETRY_DELAY = Duration.ofSeconds(10);
  static final int MAX_ATTEMPTS = 3;

  final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
  final MongoClient client;
  final MongoTemplate mongo;
  final Deadlines deadlines;
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final Handler handler = new Handler();
  private final List<DeadlinePoller> pollers = new ArrayList<>();

  DeadlineFixture() {
    String database = "deadlines-" + UUID.randomUUID().toString().substring(0, 8);
    client = MongoClients.create(TestInfrastructure.get().mongoUri(database));
    mongo = new MongoTemplate(client, database);
    deadlines = new Deadlines(mongo, clock);
  }

  static DeadlineProperties properties(int batchSize) {
    return new DeadlineProperties(
        Duration.ofMillis(50),
        LEASE,
        batchSize,
        MAX_ATTEMPTS,
        RETRY_DELAY,
        Duration.ofMinutes(1),
        Duration.ofSeconds(10));
  }

  DeadlinePoller poller() {
    return poller(50);
  }

  DeadlinePoller poller(int batchSize) {
    DeadlinePoller poller =
        new DeadlinePoller(
            deadlines, List.of(handler), properties(batchSize), clock, new DeadlineMeters(meters));
    pollers.add(poller);
    return poller;
  }

  static DeadlineKey key(String ticket) {
    return new DeadlineKey(KIND, ticket, "resolution");
  }

  /** A time of the test's day, {@code HH:mm} or {@code HH:mm:ss[.SSS]}, UTC. */
  Instant at(String time) {
    return LocalTime.parse(time).atDate(LocalDate.parse("2026-12-01")).toInstant(ZoneOffset.UTC);
  }

  void advanceTo(String time) {
    clock.advance(Duration.between(clock.instant(), at(time)));
  }

  long count(String collection) {
    return mongo.getCollection(collection).countDocuments();
  }

  Instant cursor() {
    Document cursor =
        mongo.getCollection(DeadlineBuckets.CURSORS).find(new Document("_id", KIND)).first();
    return cursor.getDate(DeadlineBuckets.MINUTE).toInstant();
  }

  double counter(String name) {
    return meters.counter(name, "kind", KIND).count();
  }

  double gauge(String name) {
    return meters.get(name).tag("kind", KIND).gauge().value();
  }

  @Override
  public void close() {
    pollers.forEach(DeadlinePoller::stop);
    client.close();
  }

  /** Records every call; what it does on a call is up to the test. */
  static final class Handler implements DeadlineHandler {
    final List<FiredDeadline> fired = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    volatile Consumer<FiredDeadline> behaviour = deadline -> {};

    @Override
    public String kind() {
      return KIND;
    }

    @Override
    public void fire(FiredDeadline deadline) {
      calls
          .computeIfAbsent(deadline.key().aggregateId(), k -> new AtomicInteger())
          .incrementAndGet();
      fired.add(deadline);
      behaviour.accept(deadline);
    }

    int calls(String ticket) {
      AtomicInteger count = calls.get(ticket);
      return count == null ? 0 : count.get();
    }
  }
}
