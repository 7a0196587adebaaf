package io.crossdesk.platform.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.crossdesk.platform.deadline.DeadlineHandler;
import io.crossdesk.platform.deadline.DeadlineKey;
import io.crossdesk.platform.deadline.DeadlineMeters;
import io.crossdesk.platform.deadline.DeadlinePoller;
import io.crossdesk.platform.deadline.DeadlineProperties;
import io.crossdesk.platform.deadline.Deadlines;
import io.crossdesk.platform.deadline.FiredDeadline;
import io.crossdesk.platform.deadline.ScheduledDeadline;
import io.crossdesk.platform.outbox.OutboxRelay;
import io.crossdesk.platform.outbox.RelayFixture;
import io.crossdesk.testsupport.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

/**
 * Deadlines an aggregate keeps in its own document, against the test MongoDB server: written with
 * the state and events in one write, fired by the poller, retried and parked there.
 */
class AggregateTimersTest {

  private static final String KIND = "parcel.chase";
  private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

  /**
   * A registered parcel is chased after an hour (or what the test sets), a chased one after two;
   * others never.
   */
  static final class ChaseTimers implements AggregateTimers<AggregateStoreTest.Parcel> {
    volatile Duration registeredChasedAfter = Duration.ofHours(1);

    @Override
    public Set<String> kinds() {
      return Set.of(KIND);
    }

    @Override
    public List<Timer> of(AggregateStoreTest.Parcel parcel) {
      return switch (parcel.state()) {
        case "registered" ->
            List.of(new Timer(KIND, "pickup", T0.plus(registeredChasedAfter), Map.of()));
        case "chased" ->
            List.of(new Timer(KIND, "pickup", T0.plusSeconds(7200), Map.of("round", "2")));
        default -> List.of();
      };
    }
  }

  /**
   * Chases a registered parcel once, with an event, unless it declines; what else it does is up to
   * the test.
   */
  final class Chase implements DeadlineHandler {
    final List<FiredDeadline> fired = new CopyOnWriteArrayList<>();
    volatile Consumer<FiredDeadline> before = fired -> {};
    volatile boolean declines;

    @Override
    public String kind() {
      return KIND;
    }

    @Override
    public void fire(FiredDeadline deadline) {
      fired.add(deadline);
      before.accept(deadline);
      parcels.change(
          deadline.key().aggregateId(),
          parcel ->
              parcel.state().equals("registered") && !declines
                  ? Change.of(withState(parcel, "chased"), fixture.event(parcel.id()))
                  : Change.none(parcel));
    }
  }

  private final RelayFixture fixture = new RelayFixture();
  private final OutboxRelay relay = fixture.relay(500);
  private final MutableClock clock = new MutableClock(T0);
  private final Deadlines deadlines = new Deadlines(fixture.mongo, clock);
  private final ChaseTimers timers = new ChaseTimers();
  private final AggregateStore<AggregateStoreTest.Parcel> parcels =
      new AggregateStore<>(
          fixture.mongo,
          fixture.pending(),
          relay,
          new AggregateStoreTest.Parcels(),
          SideWrites.none(),
          timers,
          deadlines,
          3);
  private final Chase chase = new Chase();
  private final List<DeadlinePoller> pollers = new ArrayList<>();

  @AfterEach
  void close() {
    pollers.forEach(DeadlinePoller::stop);
    fixture.close();
  }

  @Test
  void the_timers_a_state_needs_are_written_with_it_and_its_events_in_the_aggregates_one_write() {
    AggregateStoreTest.Parcel parcel = new AggregateStoreTest.Parcel("p-1", "k-1", "registered");

    parcels.insert(Change.of(parcel, fixture.event("p-1")));

    Document stored = document("p-1");
    assertThat(stored.getList("outbox", Document.class)).hasSize(1);
    assertThat(timers(stored))
        .singleElement()
        .satisfies(
            timer -> {
              assertThat(timer.getString("kind")).isEqualTo(KIND);
              assertThat(timer.getString("name")).isEqualTo("pickup");
              assertThat(timer.getDate("dueAt").toInstant()).isEqualTo(T0.plusSeconds(3600));
            });
    // Placed in its minute's bucket before the write; no deadline document of its own.
    assertThat(fixture.mongo.getCollection("deadlines").countDocuments()).isZero();
    assertThat(bucketEntries("2026-12-01T10:00")).hasSize(1);
    assertThat(deadlines.find(key("p-1")))
        .get()
        .extracting(ScheduledDeadline::dueAt)
        .isEqualTo(T0.plusSeconds(3600));
  }

  @Test
  void a_timer_fires_once_due_and_the_handlers_change_moves_it_in_the_same_write() {
    DeadlinePoller poller = poller(3);
    parcels.insert(Change.of(new AggregateStoreTest.Parcel("p-1", "k-1", "registered")));
    String firstToken = timers(document("p-1")).get(0).getString("token");

    clock.advance(Duration.ofMinutes(59));
    assertThat(poller.pollOnce()).isZero();
    clock.advance(Duration.ofMinutes(1));
    assertThat(poller.pollOnce()).isEqualTo(1);

    assertThat(chase.fired)
        .singleElement()
        .satisfies(
            fired -> {
              assertThat(fired.key()).isEqualTo(key("p-1"));
              assertThat(fired.dueAt()).isEqualTo(T0.plusSeconds(3600));
              assertThat(fired.attempt()).isEqualTo(1);
            });
    Document stored = document("p-1");
    assertThat(stored.getString("state")).isEqualTo("chased");
    assertThat(stored.getList("outbox", Document.class)).hasSize(1);
    Document moved = timers(stored).get(0);
    assertThat(moved.getDate("dueAt").toInstant()).isEqualTo(T0.plusSeconds(7200));
    assertThat(moved.getString("token")).isNotEqualTo(firstToken);
    assertThat(moved.get("data", Document.class)).containsEntry("round", "2");

    // Fired once: later passes leave it; then the next one falls due.
    assertThat(poller.pollOnce()).isZero();
    clock.advance(Duration.ofMinutes(60));
    assertThat(poller.pollOnce()).isEqualTo(1);
    assertThat(chase.fired).hasSize(2);
  }

  @Test
  void a_timer_its_handler_left_in_place_is_placed_again_when_its_due_time_moved_or_else_done() {
    DeadlinePoller poller = poller(3);
    parcels.insert(Change.of(new AggregateStoreTest.Parcel("p-1", "k-1", "registered")));
    // The policy changes after the timer was written (a calendar that gained a holiday, say):
    // nothing changes the parcel, so the stored timer still says 10:00.
    timers.registeredChasedAfter = Duration.ofMinutes(90);
    chase.declines = true;

    clock.advance(Duration.ofHours(1));
    assertThat(poller.pollOnce()).isEqualTo(1);
    Document moved = timers(document("p-1")).get(0);
    assertThat(moved.getDate("dueAt").toInstant()).isEqualTo(T0.plus(Duration.ofMinutes(90)));
    assertThat(bucketEntries("2026-12-01T10:30")).hasSize(1);

    clock.advance(Duration.ofMinutes(30));
    assertThat(poller.pollOnce()).isEqualTo(1);
    assertThat(chase.fired)
        .extracting(FiredDeadline::dueAt)
        .containsExactly(T0.plusSeconds(3600), T0.plusSeconds(5400));
    // Due as the state says and declined: done, and not shown as scheduled.
    assertThat(timers(document("p-1"))).isEmpty();
    assertThat(deadlines.find(key("p-1"))).isEmpty();
    clock.advance(Duration.ofHours(1));
    assertThat(poller.pollOnce()).isZero();
  }

  @Test
  void a_change_whose_state_needs_no_timer_drops_it_and_it_never_fires() {
    DeadlinePoller poller = poller(3);
    parcels.insert(Change.of(new AggregateStoreTest.Parcel("p-1", "k-1", "registered")));

    parcels.change("p-1", parcel -> Change.of(withState(parcel, "delivered")));

    assertThat(document("p-1").getList("timers", Document.class)).isEmpty();
    clock.advance(Duration.ofHours(3));
    assertThat(poller.pollOnce()).isZero();
    assertThat(chase.fired).isEmpty();
    assertThat(deadlines.find(key("p-1"))).isEmpty();
    // Its entry was stale, and pulled once its minute was settled.
    assertThat(bucketEntries("2026-12-01T10:00")).isEmpty();
  }

  @Test
  void a_timer_placed_for_a_write_that_did_not_land_finds_nothing_and_never_fires() {
    fixture
        .mongo
        .getCollection("parcels")
        .createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
    DeadlinePoller poller = poller(3);
    parcels.insert(Change.of(new AggregateStoreTest.Parcel("p-1", "k-1", "delivered")));

    assertThatThrownBy(
            () ->
                parcels.insert(
                    Change.of(new AggregateStoreTest.Parcel("p-2", "k-1", "registered"))))
        .isInstanceOf(DuplicateKeyException.class);

    assertThat(bucketEntries("2026-12-01T10:00")).hasSize(1);
    clock.advance(Duration.ofHours(3));
    assertThat(poller.pollOnce()).isZero();
    assertThat(chase.fired).isEmpty();
    assertThat(bucketEntries("2026-12-01T10:00")).isEmpty();
  }

  @Test
  void a_failing_timer_is_tried_again_then_parked_in_its_aggregate_and_a_retry_fires_it() {
    DeadlinePoller poller = poller(2);
    parcels.insert(Change.of(new AggregateStoreTest.Parcel("p-1", "k-1", "registered")));
    chase.before =
        fired -> {
          throw new IllegalStateException("carrier unreachable");
        };

    clock.advance(Duration.ofHours(1));
    assertThat(poller.pollOnce()).isZero();
    Document afterOne = timers(document("p-1")).get(0);
    assertThat(afterOne.getInteger("attempts")).isEqualTo(1);
    assertThat(afterOne.getString("lastError")).contains("carrier unreachable");
    assertThat(afterOne.getDate("firesAt").toInstant())
        .isEqualTo(clock.instant().plus(Duration.ofSeconds(10)));

    clock.advance(Duration.ofSeconds(10));
    assertThat(poller.pollOnce()).isZero();
    assertThat(chase.fired).extracting(FiredDeadline::attempt).containsExactly(1, 2);
    assertThat(timers(document("p-1")).get(0).getBoolean("parked")).isTrue();
    assertThat(deadlines.parked(10))
        .singleElement()
        .satisfies(
            parked -> {
              assertThat(parked.key()).isEqualTo(key("p-1"));
              assertThat(parked.attempts()).isEqualTo(2);
              assertThat(parked.lastError()).contains("carrier unreachable");
            });
    clock.advance(Duration.ofMinutes(10));
    assertThat(poller.pollOnce()).isZero();
    assertThat(chase.fired).hasSize(2);

    chase.before = fired -> {};
    assertThat(deadlines.retry(key("p-1"))).isTrue();
    assertThat(poller.pollOnce()).isEqualTo(1);
    assertThat(chase.fired).extracting(FiredDeadline::attempt).containsExactly(1, 2, 1);
    assertThat(document("p-1").getString("state")).isEqualTo("chased");
    assertThat(deadlines.parked(10)).isEmpty();
  }

  @Test
  void two_instances_firing_one_timer_at_once_make_one_change() throws Exception {
    DeadlinePoller first = poller(3);
    DeadlinePoller second = poller(3);
    parcels.insert(Change.of(new AggregateStoreTest.Parcel("p-1", "k-1", "registered")));
    // Both handlers have started before either changes the parcel.
    CyclicBarrier together = new CyclicBarrier(2);
    chase.before =
        fired -> {
          try {
            together.await(10, TimeUnit.SECONDS);
          } catch (Exception e) {
            throw new IllegalStateException("the two firings did not meet", e);
          }
        };
    clock.advance(Duration.ofHours(1));

    CompletableFuture<Integer> one = CompletableFuture.supplyAsync(first::pollOnce);
    CompletableFuture<Integer> other = CompletableFuture.supplyAsync(second::pollOnce);

    assertThat(one.get(20, TimeUnit.SECONDS) + other.get(20, TimeUnit.SECONDS)).isEqualTo(2);
    assertThat(chase.fired).hasSize(2);
    Document stored = document("p-1");
    assertThat(stored.getString("state")).isEqualTo("chased");
    assertThat(stored.getLong("version")).isEqualTo(1L);
    assertThat(stored.getList("outbox", Document.class)).hasSize(1);
  }

  @Test
  void a_kind_kept_in_aggregates_is_not_scheduled_or_cancelled_on_its_own() {
    assertThatThrownBy(() -> deadlines.schedule(key("p-1"), T0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("kept in their aggregates");
    assertThatThrownBy(() -> deadlines.cancel(key("p-1")))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () -> parcels.insertNew(List.of(new AggregateStoreTest.Parcel("p-1", "k", "new"))))
        .isInstanceOf(IllegalStateException.class);
  }

  private DeadlinePoller poller(int maxAttempts) {
    DeadlinePoller poller =
        new DeadlinePoller(
            deadlines,
            List.of(chase),
            new DeadlineProperties(
                Duration.ofMillis(50),
                Duration.ofSeconds(60),
                50,
                maxAttempts,
                Duration.ofSeconds(10),
                Duration.ofMinutes(1),
                Duration.ofSeconds(10)),
            clock,
            new DeadlineMeters(new SimpleMeterRegistry()));
    pollers.add(poller);
    return poller;
  }

  private static DeadlineKey key(String parcel) {
    return new DeadlineKey(KIND, parcel, "pickup");
  }

  private static AggregateStoreTest.Parcel withState(
      AggregateStoreTest.Parcel parcel, String state) {
    return new AggregateStoreTest.Parcel(parcel.id(), parcel.key(), state);
  }

  private Document document(String id) {
    return fixture.mongo.getCollection("parcels").find(new Document("_id", id)).first();
  }

  private static List<Document> timers(Document stored) {
    return stored.getList("timers", Document.class);
  }

  private List<String> bucketEntries(String minute) {
    Document bucket =
        fixture
            .mongo
            .getCollection("deadline_buckets")
            .find(new Document("_id", KIND + "|" + minute))
            .first();
    return bucket == null ? List.of() : bucket.getList("keys", String.class);
  }
}
