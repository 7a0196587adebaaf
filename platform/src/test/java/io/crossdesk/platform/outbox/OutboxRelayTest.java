package io.crossdesk.platform.outbox;

import static io.crossdesk.testsupport.TopicRecorder.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.outbox.ParkedEvents.ParkedEvent;
import io.crossdesk.platform.outbox.PendingEvents.Marker;
import io.crossdesk.testsupport.TopicRecorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The relay against the real test broker and MongoDB server, driven by hand with a clock the test
 * moves, one database and topic per test.
 */
class OutboxRelayTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private final RelayFixture fixture = new RelayFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void publishes_what_its_writers_queued_in_one_pass_without_a_command_per_event() {
    OutboxRelay relay = fixture.relay(500);
    List<String> eventIds = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      EventMessage event = fixture.event("p-" + i);
      eventIds.add(event.eventId());
      fixture.insert(relay, "p-" + i, List.of(event));
    }

    assertThat(relay.relayQueued()).isEqualTo(200);

    assertThat(publishedIds()).containsExactlyInAnyOrderElementsOf(eventIds);
    assertThat(fixture.waiting()).isZero();
    assertThat(fixture.commandsOn(PendingEvents.COLLECTION))
        .as("no command on markers, the sweep's look for due retries aside")
        .isLessThanOrEqualTo(1);
    assertThat(fixture.commandsOn(PendingEvents.WRITERS))
        .as("the writer's lease: registered, and told where it writes")
        .isEqualTo(2);
    // The documents are not rewritten per event: their next write drops what was published.
    assertThat(fixture.outbox("p-0")).hasSize(1);
    fixture.clock.advance(RelayFixture.LEASE.multipliedBy(2));
    assertThat(relay.relayAll()).as("published events are not published again").isZero();
  }

  @Test
  void the_markers_of_retried_events_are_removed_together_once_their_delay_is_over() {
    OutboxRelay cutOff = fixture.cutOffRelay(500);
    List<String> eventIds = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      EventMessage event = fixture.event("g-" + i);
      eventIds.add(event.eventId());
      fixture.insert(cutOff, "g-" + i, List.of(event));
    }
    assertThat(cutOff.relayQueued()).isZero();
    assertThat(fixture.markers()).as("a failed try leaves a marker").isEqualTo(4);
    OutboxRelay relay = fixture.relay(3, Duration.ofMinutes(5));
    fixture.clock.advance(Duration.ofMillis(1_100));

    // Three make a batch: their markers go in one delete at once.
    assertThat(relay.sweep()).isEqualTo(3);
    assertThat(fixture.markers()).isOne();
    // The fourth's marker waits for its delay, and the next write needs no look-up for it.
    assertThat(relay.sweep()).isEqualTo(1);
    assertThat(fixture.markers()).isOne();
    assertThat(fixture.pending().find(eventIds)).isEmpty();

    // Past its lease, a marker that waits to be removed is not taken for an event left behind.
    fixture.clock.advance(RelayFixture.LEASE.multipliedBy(2));
    assertThat(relay.sweep()).isZero();
    assertThat(fixture.markers()).isZero();
    assertThat(publishedIds()).containsExactlyInAnyOrderElementsOf(eventIds);
    assertThat(relay.relayAll()).as("nothing is published twice").isZero();
  }

  @Test
  void a_running_relay_publishes_what_is_written_and_releases_its_writer_when_it_stops() {
    OutboxRelay relay = fixture.relay(500, Duration.ofMillis(200));
    relay.start();
    EventMessage event = fixture.event("r-0");
    String writer;
    try {
      fixture.insert(relay, "r-0", List.of(event));
      writer = fixture.pending().writer();
      await().atMost(TIMEOUT).until(() -> publishedIds().contains(event.eventId()));
      await().atMost(TIMEOUT).until(() -> fixture.waiting() == 0);
    } finally {
      relay.stop();
    }
    assertThat(fixture.writers().get(writer).getBoolean(PendingEvents.RELEASED)).isTrue();
    assertThat(publishedIds()).containsExactly(event.eventId());
    fixture.clock.advance(RelayFixture.LEASE.multipliedBy(2));
    assertThat(fixture.relay(500).sweep()).as("a released writer is not recovered").isZero();
  }

  @Test
  void events_left_open_when_a_relay_stops_are_marked_and_published_by_the_next() {
    OutboxRelay stopping = fixture.cutOffRelay(500);
    stopping.start();
    EventMessage event = fixture.event("s-0");
    // Written, but never queued: only the writer knows it is open.
    fixture.insert(null, "s-0", List.of(event));
    stopping.stop();

    assertThat(fixture.markers()).isOne();
    fixture.clock.advance(Duration.ofMillis(1));
    OutboxRelay next = fixture.relay(500);
    assertThat(next.sweep()).isOne();
    assertThat(publishedIds()).containsExactly(event.eventId());
    assertThat(fixture.markers()).isZero();
  }

  @Test
  void an_event_whose_write_may_have_failed_is_published_from_its_document_after_half_a_lease() {
    OutboxRelay relay = fixture.relay(500);
    PendingEvents pending = fixture.pending();
    // The insert reached the store, but its answer was lost: nobody knows it happened.
    EventMessage landed = fixture.event("u-1");
    fixture.insert(null, "u-1", List.of(landed));
    pending.returned(List.of(landed.eventId()));
    // The same, but the insert never reached the store.
    EventMessage lost = fixture.event("u-2");
    pending.open(RelayFixture.COLLECTION, "u-2", List.of(lost));
    pending.returned(List.of(lost.eventId()));
    // Still being written: nothing can be told about it yet.
    EventMessage inFlight = fixture.event("u-3");
    pending.open(RelayFixture.COLLECTION, "u-3", List.of(inFlight));

    assertThat(relay.relayAll()).as("not before half a lease").isZero();
    fixture.clock.advance(RelayFixture.LEASE.dividedBy(2).plusSeconds(1));
    assertThat(relay.relayAll()).isOne();

    assertThat(publishedIds()).containsExactly(landed.eventId());
    assertThat(pending.isOpen(landed.eventId())).isFalse();
    assertThat(pending.isOpen(lost.eventId())).as("never written: forgotten").isFalse();
    assertThat(pending.isOpen(inFlight.eventId())).as("its write has not returned").isTrue();
    assertThat(fixture.markers()).isZero();
  }

  @Test
  void the_events_of_one_document_are_published_in_outbox_order_across_passes() {
    OutboxRelay relay = fixture.relay(7);
    Map<String, List<String>> written = new java.util.LinkedHashMap<>();
    for (int doc = 0; doc < 5; doc++) {
      String id = "order-" + doc;
      List<EventMessage> first = List.of(fixture.event(id), fixture.event(id), fixture.event(id));
      fixture.insert(relay, id, first);
      written.put(id, new ArrayList<>(first.stream().map(EventMessage::eventId).toList()));
    }
    relay.relayQueued();
    for (String id : written.keySet()) {
      List<EventMessage> more = List.of(fixture.event(id), fixture.event(id));
      fixture.append(relay, id, more);
      more.forEach(event -> written.get(id).add(event.eventId()));
    }

    relay.relayAll();

    Map<String, List<String>> published =
        records().stream()
            .collect(
                Collectors.groupingBy(
                    ConsumerRecord::key,
                    Collectors.mapping(r -> header(r, "ce_id"), Collectors.toList())));
    assertThat(published).isEqualTo(written);
    assertThat(fixture.waiting()).isZero();
  }

  @Test
  void an_unreachable_broker_postpones_the_events_with_back_off_and_they_go_out_once_it_is_back() {
    OutboxRelay cutOff = fixture.cutOffRelay(500);
    List<String> eventIds = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      EventMessage event = fixture.event("down-" + i);
      eventIds.add(event.eventId());
      fixture.insert(cutOff, "down-" + i, List.of(event));
    }

    long started = System.nanoTime();
    assertThat(cutOff.relayQueued()).isZero();
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("one blocked send per pass, not one per event")
        .isLessThan(Duration.ofSeconds(10));
    Map<String, Marker> markers = fixture.pending().find(eventIds);
    assertThat(markers.values()).hasSize(50).allSatisfy(m -> assertThat(m.attempts()).isOne());
    assertThat(fixture.outbox("down-0")).hasSize(1);

    OutboxRelay reconnected = fixture.relay(500);
    assertThat(reconnected.sweep()).as("not before the retry is due").isZero();
    fixture.clock.advance(Duration.ofMillis(1_100));
    assertThat(reconnected.sweep()).isEqualTo(50);
    assertThat(reconnected.sweep()).as("claimed and published: nothing left to sweep").isZero();

    assertThat(publishedIds()).containsExactlyInAnyOrderElementsOf(eventIds);
    assertThat(fixture.markers()).isZero();
  }

  @Test
  void an_event_that_can_never_be_published_is_parked_and_the_events_behind_it_go_on() {
    OutboxRelay relay = fixture.relay(500);
    EventMessage unpublishable = fixture.event("mixed", "not a valid topic!");
    EventMessage fine = fixture.event("mixed");
    fixture.insert(relay, "mixed", List.of(unpublishable, fine));

    relay.relayQueued();
    assertThat(publishedIds()).containsExactly(fine.eventId());
    assertThat(fixture.pending().find(List.of(unpublishable.eventId(), fine.eventId())))
        .containsOnlyKeys(unpublishable.eventId());

    for (int attempt = 2; attempt <= 3; attempt++) {
      fixture.clock.advance(Duration.ofSeconds(10));
      relay.sweep();
    }

    assertThat(fixture.markers()).isZero();
    List<ParkedEvent> parked = new ParkedEvents(fixture.mongo).list(10);
    assertThat(parked)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.eventId()).isEqualTo(unpublishable.eventId());
              assertThat(event.aggregateId()).isEqualTo("mixed");
              assertThat(event.topic()).isEqualTo("not a valid topic!");
              assertThat(event.attempts()).isEqualTo(3);
              assertThat(event.reason()).contains("InvalidTopicException");
            });
    assertThat(publishedIds()).containsExactly(fine.eventId());
  }

  @Test
  void events_whose_writer_crashed_are_published_by_another_instance_once_its_lease_runs_out() {
    PendingEvents crashed = fixture.anotherWriter();
    EventMessage publishedBefore = fixture.event("told");
    fixture.insert(crashed, null, "told", List.of(publishedBefore));
    // Its relay published the first and told so; then it wrote ten more and died.
    crashed.done(List.of(publishedBefore.eventId()));
    fixture.clock.advance(Duration.ofSeconds(1));
    crashed.renew();
    List<String> eventIds = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      EventMessage event = fixture.event("orphan-" + i);
      eventIds.add(event.eventId());
      fixture.insert(crashed, null, "orphan-" + i, List.of(event));
    }
    OutboxRelay survivor = fixture.relay(500);

    fixture.clock.advance(RelayFixture.LEASE.minusSeconds(1));
    assertThat(survivor.sweep()).as("the writer may still be publishing").isZero();
    fixture.clock.advance(Duration.ofSeconds(2));
    assertThat(survivor.sweep()).isEqualTo(10);

    assertThat(publishedIds())
        .as("what it told published is not published again")
        .containsExactlyInAnyOrderElementsOf(eventIds);
    assertThat(fixture.markers()).isZero();
    assertThat(fixture.writers().get(crashed.writer()).getBoolean(PendingEvents.RELEASED)).isTrue();
    fixture.clock.advance(RelayFixture.LEASE.multipliedBy(2));
    assertThat(survivor.sweep()).as("nothing is left to take over").isZero();
  }

  @Test
  void two_instances_sweeping_the_same_backlog_at_the_same_moment_publish_each_event_once()
      throws Exception {
    PendingEvents crashed = fixture.anotherWriter();
    List<String> eventIds = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      EventMessage event = fixture.event("backlog-" + i);
      eventIds.add(event.eventId());
      fixture.insert(crashed, null, "backlog-" + i, List.of(event));
    }
    fixture.clock.advance(RelayFixture.LEASE.plusSeconds(1));
    OutboxRelay first = fixture.relayOfAnotherInstance(500);
    OutboxRelay second = fixture.relayOfAnotherInstance(500);
    CyclicBarrier together = new CyclicBarrier(2);

    CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> sweepAt(together, first));
    CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> sweepAt(together, second));

    assertThat(List.of(a.join(), b.join())).containsExactlyInAnyOrder(40, 0);
    assertThat(publishedIds()).containsExactlyInAnyOrderElementsOf(eventIds);
  }

  @Test
  void a_marker_whose_event_no_outbox_holds_is_removed_without_publishing_anything() {
    OutboxRelay relay = fixture.relay(500);
    fixture
        .pending()
        .postpone(
            List.of(
                new PendingEvents.Retry(
                    "lost-event",
                    RelayFixture.COLLECTION,
                    "never-written",
                    fixture.clock.instant(),
                    "its document is gone")));

    fixture.clock.advance(Duration.ofSeconds(1));
    assertThat(relay.sweep()).isZero();

    assertThat(fixture.markers()).isZero();
  }

  private static int sweepAt(CyclicBarrier together, OutboxRelay relay) {
    try {
      together.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return relay.sweep();
  }

  private List<String> publishedIds() {
    return records().stream().map(r -> header(r, "ce_id")).toList();
  }

  private List<ConsumerRecord<String, String>> records() {
    try (TopicRecorder recorder = TopicRecorder.of(fixture.topic)) {
      return recorder.all(r -> true);
    }
  }
}
