package io.crossdesk.platform.deadline;

import static io.crossdesk.platform.deadline.DeadlineFixture.KIND;
import static io.crossdesk.platform.deadline.DeadlineFixture.LEASE;
import static io.crossdesk.platform.deadline.DeadlineFixture.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crossdesk.platform.deadline.DeadlineBuckets.Entry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The poller against the test MongoDB server, driven pass by pass or started as a lifecycle, with a
 * clock the test moves; one database per test.
 */
class DeadlinePollerTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private final DeadlineFixture fixture = new DeadlineFixture();
  private final Deadlines deadlines = fixture.deadlines;
  private final DeadlineFixture.Handler handler = fixture.handler;

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void a_deadline_fires_at_its_due_time_with_its_data_and_not_a_moment_before() {
    DeadlinePoller poller = fixture.poller();
    deadlines.schedule(key("t-1"), fixture.at("09:10:30"), Map.of("level", "1"));

    assertThat(poller.pollOnce()).isZero();
    fixture.advanceTo("09:10:29.999");
    assertThat(poller.pollOnce()).isZero();
    fixture.advanceTo("09:10:30");
    assertThat(poller.pollOnce()).isOne();

    assertThat(handler.fired)
        .singleElement()
        .satisfies(
            fired -> {
              assertThat(fired.key()).isEqualTo(key("t-1"));
              assertThat(fired.dueAt()).isEqualTo(fixture.at("09:10:30"));
              assertThat(fired.data("level")).isEqualTo("1");
              assertThat(fired.attempt()).isOne();
            });
    assertThat(deadlines.find(key("t-1"))).isEmpty();
    assertThat(poller.pollOnce()).isZero();
    assertThat(fixture.counter("crossdesk.deadlines.fired")).isEqualTo(1);
  }

  @Test
  void a_rescheduled_deadline_fires_at_its_new_time_only_and_leaves_no_bucket_behind() {
    DeadlinePoller poller = fixture.poller();
    deadlines.schedule(key("later"), fixture.at("09:10"));
    deadlines.schedule(key("later"), fixture.at("09:30"));
    deadlines.schedule(key("sooner"), fixture.at("09:40"));
    deadlines.schedule(key("sooner"), fixture.at("09:05"));

    fixture.advanceTo("09:29:59");
    assertThat(poller.pollOnce()).isOne();
    assertThat(handler.fired).extracting(FiredDeadline::dueAt).containsExactly(fixture.at("09:05"));
    fixture.advanceTo("09:30");
    assertThat(poller.pollOnce()).isOne();
    fixture.advanceTo("10:00");
    assertThat(poller.pollOnce()).isZero();

    assertThat(handler.calls("later")).isOne();
    assertThat(handler.calls("sooner")).isOne();
    assertThat(fixture.count(DeadlineBuckets.COLLECTION)).isZero();
    assertThat(fixture.count(DeadlineDocuments.COLLECTION)).isZero();
    assertThat(fixture.cursor()).isEqualTo(fixture.at("10:00").minus(LEASE));
  }

  @Test
  void a_cancelled_deadline_never_fires() {
    DeadlinePoller poller = fixture.poller();
    deadlines.schedule(key("t-2"), fixture.at("09:10"));

    assertThat(deadlines.cancel(key("t-2"))).isTrue();
    assertThat(deadlines.cancel(key("t-2"))).isFalse();
    fixture.advanceTo("12:00");

    assertThat(poller.pollOnce()).isZero();
    assertThat(handler.fired).isEmpty();
    assertThat(fixture.count(DeadlineBuckets.COLLECTION)).isZero();
  }

  @Test
  void a_deadline_due_in_the_past_fires_at_the_next_pass() {
    DeadlinePoller poller = fixture.poller();

    deadlines.schedule(key("overdue"), fixture.at("09:00").minus(Duration.ofDays(3)));

    assertThat(poller.pollOnce()).isOne();
    assertThat(handler.fired.get(0).dueAt())
        .isEqualTo(fixture.at("09:00").minus(Duration.ofDays(3)));
  }

  @Test
  void deadlines_missed_while_every_instance_was_down_fire_when_one_starts() {
    for (int i = 0; i < 120; i++) {
      deadlines.schedule(key("missed-" + i), fixture.at("09:00").plusSeconds(30L * i));
    }
    deadlines.schedule(key("tomorrow"), fixture.at("09:00").plus(Duration.ofDays(1)));
    fixture.clock.advance(Duration.ofHours(5));

    DeadlinePoller poller = fixture.poller(25);
    poller.start();

    await().atMost(TIMEOUT).until(() -> handler.fired.size() == 120);
    assertThat(handler.calls).doesNotContainKey("tomorrow");
    assertThat(handler.calls.values()).allSatisfy(calls -> assertThat(calls.get()).isOne());
    await()
        .atMost(TIMEOUT)
        .untilAsserted(() -> assertThat(fixture.count(DeadlineBuckets.COLLECTION)).isOne());
    assertThat(deadlines.find(key("tomorrow"))).isPresent();
  }

  @Test
  void a_minute_with_more_deadlines_than_a_bucket_holds_goes_on_in_pages_and_every_one_fires() {
    for (int i = 0; i < 450; i++) {
      deadlines.schedule(key("monday-" + i), fixture.at("09:10"));
    }

    org.bson.Document bucket = bucket(fixture.at("09:10"));
    assertThat(bucket.getList(DeadlineBuckets.KEYS, String.class))
        .hasSize(DeadlineBuckets.PAGE_SIZE);
    List<String> pages = bucket.getList(DeadlineBuckets.PAGES, String.class);
    assertThat(pages).hasSize(2);
    assertThat(pages)
        .map(page -> document(page).getList(DeadlineBuckets.KEYS, String.class).size())
        .containsExactly(DeadlineBuckets.PAGE_SIZE, 50);

    fixture.advanceTo("09:11");
    DeadlinePoller poller = fixture.poller(1_000);
    assertThat(poller.pollOnce()).isEqualTo(450);
    assertThat(handler.calls).hasSize(450);
    assertThat(handler.calls.values()).allSatisfy(calls -> assertThat(calls.get()).isOne());
    fixture.advanceTo("09:20");
    assertThat(poller.pollOnce()).isZero();
    assertThat(fixture.count(DeadlineBuckets.COLLECTION)).isZero();
    assertThat(fixture.count(DeadlineDocuments.COLLECTION)).isZero();
  }

  @Test
  void each_instance_goes_on_in_pages_of_its_own() {
    Deadlines other = new Deadlines(fixture.mongo, fixture.clock);
    for (int i = 0; i < 250; i++) {
      deadlines.schedule(key("here-" + i), fixture.at("09:10"));
      other.schedule(key("there-" + i), fixture.at("09:10"));
    }

    org.bson.Document bucket = bucket(fixture.at("09:10"));
    assertThat(bucket.getList(DeadlineBuckets.KEYS, String.class))
        .hasSize(2 * DeadlineBuckets.PAGE_SIZE);
    assertThat(bucket.getList(DeadlineBuckets.PAGES, String.class))
        .hasSize(2)
        .allSatisfy(
            page ->
                assertThat(document(page).getList(DeadlineBuckets.KEYS, String.class)).hasSize(50));

    fixture.advanceTo("09:11");
    assertThat(fixture.poller(1_000).pollOnce()).isEqualTo(500);
    assertThat(handler.calls.values()).allSatisfy(calls -> assertThat(calls.get()).isOne());
  }

  @Test
  void the_pages_of_a_minute_that_may_still_be_written_stay_until_it_is_settled() {
    DeadlinePoller poller = fixture.poller(1_000);
    for (int i = 0; i < 250; i++) {
      deadlines.schedule(key("now-" + i), fixture.at("09:00:30"));
    }
    fixture.advanceTo("09:00:40");
    assertThat(poller.pollOnce()).isEqualTo(250);
    // Emptied, but this writer may still add to its page of the minute: it stays listed.
    assertThat(bucket(fixture.at("09:00")).getList(DeadlineBuckets.PAGES, String.class)).hasSize(1);

    deadlines.schedule(key("late-comer"), fixture.at("09:00:50"));
    fixture.advanceTo("09:00:55");
    assertThat(poller.pollOnce()).isOne();
    assertThat(handler.calls).containsKey("late-comer").hasSize(251);

    fixture.advanceTo("09:05");
    assertThat(poller.pollOnce()).isZero();
    assertThat(fixture.count(DeadlineBuckets.COLLECTION)).isZero();
  }

  @Test
  void two_instances_polling_the_same_deadlines_at_the_same_moment_fire_each_once()
      throws Exception {
    int count = 300;
    for (int i = 0; i < count; i++) {
      deadlines.schedule(key("race-" + i), fixture.at("09:01").plusMillis(i * 100L));
    }
    fixture.advanceTo("09:02");
    // Each instance's first handler call waits for the other's, so both are mid-pass together.
    CountDownLatch bothFiring = new CountDownLatch(2);
    List<String> firstCallers = new ArrayList<>();
    handler.behaviour =
        deadline -> {
          String instance = Thread.currentThread().getName();
          synchronized (firstCallers) {
            if (firstCallers.contains(instance)) {
              return;
            }
            firstCallers.add(instance);
          }
          bothFiring.countDown();
          awaitQuietly(bothFiring);
        };
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> instances = new ArrayList<>();
    for (String name : List.of("instance-a", "instance-b")) {
      DeadlinePoller poller = fixture.poller(40);
      Thread thread =
          new Thread(
              () -> {
                awaitQuietly(start);
                long until = System.nanoTime() + TIMEOUT.toNanos();
                while (handler.fired.size() < count && System.nanoTime() < until) {
                  poller.pollOnce();
                }
              },
              name);
      thread.start();
      instances.add(thread);
    }

    start.countDown();
    for (Thread instance : instances) {
      instance.join(TIMEOUT.toMillis());
    }

    assertThat(handler.calls).hasSize(count);
    assertThat(handler.calls.values()).allSatisfy(calls -> assertThat(calls.get()).isOne());
    assertThat(firstCallers).containsExactlyInAnyOrder("instance-a", "instance-b");
    assertThat(fixture.count(DeadlineDocuments.COLLECTION)).isZero();
  }

  @Test
  void a_deadline_whose_instance_died_while_firing_it_fires_again_once_the_lease_runs_out()
      throws Exception {
    deadlines.schedule(key("t-3"), fixture.at("09:05"));
    fixture.advanceTo("09:05");
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    handler.behaviour =
        deadline -> {
          if (deadline.attempt() == 1) {
            entered.countDown();
            awaitQuietly(release);
          }
        };
    DeadlinePoller dying = fixture.poller();
    CompletableFuture<Integer> stuck = CompletableFuture.supplyAsync(dying::pollOnce);
    assertThat(entered.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    DeadlinePoller survivor = fixture.poller();

    fixture.clock.advance(LEASE.minusSeconds(1));
    assertThat(survivor.pollOnce()).as("the first instance may still be firing it").isZero();
    fixture.clock.advance(Duration.ofSeconds(2));
    assertThat(survivor.pollOnce()).isOne();

    assertThat(handler.fired).extracting(FiredDeadline::attempt).containsExactly(1, 2);
    release.countDown();
    stuck.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    assertThat(deadlines.find(key("t-3"))).isEmpty();
    assertThat(survivor.pollOnce()).isZero();
  }

  @Test
  void a_deadline_rescheduled_while_it_fires_stays_scheduled_for_its_new_time() throws Exception {
    deadlines.schedule(key("t-4"), fixture.at("09:05"));
    fixture.advanceTo("09:05");
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    handler.behaviour =
        deadline -> {
          if (deadline.dueAt().equals(fixture.at("09:05"))) {
            entered.countDown();
            awaitQuietly(release);
          }
        };
    DeadlinePoller poller = fixture.poller();
    CompletableFuture<Integer> firing = CompletableFuture.supplyAsync(poller::pollOnce);
    assertThat(entered.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();

    deadlines.schedule(key("t-4"), fixture.at("10:00"));
    release.countDown();
    firing.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

    assertThat(deadlines.find(key("t-4")))
        .hasValueSatisfying(d -> assertThat(d.dueAt()).isEqualTo(fixture.at("10:00")));
    fixture.advanceTo("10:00");
    assertThat(poller.pollOnce()).isOne();
    assertThat(handler.fired)
        .extracting(FiredDeadline::dueAt)
        .containsExactly(fixture.at("09:05"), fixture.at("10:00"));
  }

  @Test
  void a_failing_handler_is_tried_again_with_back_off_and_the_deadline_keeps_its_attempts() {
    DeadlinePoller poller = fixture.poller();
    deadlines.schedule(key("flaky"), fixture.at("09:00"), Map.of("level", "2"));
    handler.behaviour =
        deadline -> {
          if (deadline.attempt() < 3) {
            throw new IllegalStateException("escalation target unreachable");
          }
        };

    assertThat(poller.pollOnce()).isZero();
    assertThat(deadlines.find(key("flaky")))
        .hasValueSatisfying(
            d -> {
              assertThat(d.attempts()).isOne();
              assertThat(d.lastError()).contains("escalation target unreachable");
              assertThat(d.firesAt()).isEqualTo(fixture.at("09:00:10"));
              assertThat(d.dueAt()).isEqualTo(fixture.at("09:00"));
              assertThat(d.parked()).isFalse();
            });
    fixture.advanceTo("09:00:09");
    poller.pollOnce();
    assertThat(handler.fired).as("not before its back-off").hasSize(1);
    fixture.advanceTo("09:00:10");
    poller.pollOnce();
    assertThat(deadlines.find(key("flaky")).orElseThrow().firesAt())
        .isEqualTo(fixture.at("09:00:30"));
    fixture.advanceTo("09:00:30");
    assertThat(poller.pollOnce()).isOne();

    assertThat(handler.fired).extracting(FiredDeadline::attempt).containsExactly(1, 2, 3);
    assertThat(handler.fired)
        .allSatisfy(
            fired -> {
              assertThat(fired.dueAt()).isEqualTo(fixture.at("09:00"));
              assertThat(fired.data("level")).isEqualTo("2");
            });
    assertThat(deadlines.find(key("flaky"))).isEmpty();
    assertThat(fixture.counter("crossdesk.deadlines.failed")).isEqualTo(2);
    assertThat(fixture.counter("crossdesk.deadlines.fired")).isEqualTo(1);
  }

  @Test
  void a_deadline_that_keeps_failing_is_parked_counted_and_fires_again_when_retried() {
    DeadlinePoller poller = fixture.poller();
    deadlines.schedule(key("broken"), fixture.at("09:00"));
    handler.behaviour =
        deadline -> {
          throw new IllegalStateException("no escalation path for this category");
        };
    for (int attempt = 1; attempt <= DeadlineFixture.MAX_ATTEMPTS; attempt++) {
      poller.pollOnce();
      fixture.clock.advance(Duration.ofMinutes(1));
    }
    fixture.clock.advance(Duration.ofDays(1));
    poller.pollOnce();

    assertThat(handler.fired).hasSize(DeadlineFixture.MAX_ATTEMPTS);
    ScheduledDeadline parked = deadlines.find(key("broken")).orElseThrow();
    assertThat(parked.parked()).isTrue();
    assertThat(parked.attempts()).isEqualTo(DeadlineFixture.MAX_ATTEMPTS);
    assertThat(parked.lastError()).contains("no escalation path");
    assertThat(deadlines.parked(10)).containsExactly(parked);
    poller.refreshGauges();
    assertThat(fixture.gauge("crossdesk.deadlines.parked")).isEqualTo(1);
    assertThat(fixture.count(DeadlineBuckets.COLLECTION)).isZero();

    handler.behaviour = deadline -> {};
    assertThat(deadlines.retry(key("broken"))).isTrue();
    assertThat(poller.pollOnce()).isOne();

    FiredDeadline retried = handler.fired.get(handler.fired.size() - 1);
    assertThat(retried.attempt()).isOne();
    assertThat(retried.dueAt()).isEqualTo(fixture.at("09:00"));
    assertThat(deadlines.parked(10)).isEmpty();
    poller.refreshGauges();
    assertThat(fixture.gauge("crossdesk.deadlines.parked")).isZero();
  }

  @Test
  void a_deadline_whose_handler_takes_its_instance_down_every_time_is_parked() {
    deadlines.schedule(key("deadly"), fixture.at("09:00"));
    // Claimed and never finished, again and again: the lease runs out each time.
    for (int attempt = 1; attempt <= DeadlineFixture.MAX_ATTEMPTS; attempt++) {
      Entry entry = liveEntry(key("deadly"));
      new DeadlineDocuments(fixture.mongo)
          .claim(
              entry.deadlineId(),
              entry.token(),
              DeadlineBuckets.id(KIND, DeadlineBuckets.minuteOf(fixture.at("09:00"))),
              fixture.clock.instant(),
              fixture.clock.instant().plus(LEASE),
              "crashing-instance");
      fixture.clock.advance(LEASE.plusSeconds(1));
    }

    assertThat(fixture.poller().pollOnce()).isZero();

    assertThat(handler.fired).isEmpty();
    ScheduledDeadline parked = deadlines.find(key("deadly")).orElseThrow();
    assertThat(parked.parked()).isTrue();
    assertThat(parked.lastError()).isEqualTo("3 tries never completed within the lease");
  }

  @Test
  void a_writer_between_its_two_writes_is_waited_for_and_one_that_died_there_is_cleaned_up() {
    DeadlinePoller poller = fixture.poller();
    DeadlineBuckets buckets = new DeadlineBuckets(fixture.mongo);
    DeadlineDocuments documents = new DeadlineDocuments(fixture.mongo);
    deadlines.schedule(key("starts-the-cursor"), fixture.at("18:00"));
    Instant minute = DeadlineBuckets.minuteOf(fixture.clock.instant());
    String bucket = DeadlineBuckets.id(KIND, minute);
    buckets.add(KIND, minute, Entry.of("aaaaaaaaaaaaaaaaaaaaaaaa", key("slow-writer").id()));
    buckets.add(KIND, minute, Entry.of("bbbbbbbbbbbbbbbbbbbbbbbb", key("dead-writer").id()));

    assertThat(poller.pollOnce()).isZero();
    assertThat(buckets.load(List.of(bucket)).get(bucket)).hasSize(2);
    documents.write(
        key("slow-writer"),
        fixture.at("09:00"),
        Map.of(),
        fixture.at("09:00"),
        "aaaaaaaaaaaaaaaaaaaaaaaa",
        bucket,
        fixture.clock.instant());
    assertThat(poller.pollOnce()).isOne();

    fixture.clock.advance(LEASE.plusMinutes(1));
    assertThat(poller.pollOnce()).isZero();
    assertThat(buckets.load(List.of(bucket))).isEmpty();
    assertThat(handler.calls).containsOnlyKeys("slow-writer");
  }

  @Test
  void a_graceful_stop_lets_the_handler_in_flight_finish_and_fires_nothing_more() throws Exception {
    for (int i = 0; i < 3; i++) {
      deadlines.schedule(key("stop-" + i), fixture.at("09:00"));
    }
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    handler.behaviour =
        deadline -> {
          entered.countDown();
          awaitQuietly(release);
        };
    DeadlinePoller poller = fixture.poller();
    poller.start();
    assertThat(entered.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Void> stopping = CompletableFuture.runAsync(poller::stop);
    assertThat(stopping).isNotDone();
    release.countDown();
    stopping.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

    assertThat(poller.isRunning()).isFalse();
    assertThat(handler.fired).hasSize(1);
    String firedTicket = handler.fired.get(0).key().aggregateId();
    assertThat(deadlines.find(key(firedTicket))).isEmpty();
    assertThat(fixture.count(DeadlineDocuments.COLLECTION)).isEqualTo(2);
  }

  private org.bson.Document bucket(Instant minute) {
    return document(DeadlineBuckets.id(KIND, DeadlineBuckets.minuteOf(minute)));
  }

  private org.bson.Document document(String id) {
    return fixture
        .mongo
        .getCollection(DeadlineBuckets.COLLECTION)
        .find(new org.bson.Document("_id", id))
        .first();
  }

  private Entry liveEntry(DeadlineKey key) {
    String token =
        fixture
            .mongo
            .getCollection(DeadlineDocuments.COLLECTION)
            .find(new org.bson.Document("_id", key.id()))
            .first()
            .getString(DeadlineDocuments.TOKEN);
    return Entry.of(token, key.id());
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      if (!latch.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException("waited too long");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
