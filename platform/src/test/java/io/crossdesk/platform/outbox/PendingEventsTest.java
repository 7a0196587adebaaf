package io.crossdesk.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.platform.events.EventMessage;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PendingEventsTest {

  private final RelayFixture fixture = new RelayFixture();
  private final PendingEvents pending = fixture.pending();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void an_event_this_instance_published_is_known_done_without_a_look_up() {
    List<Document> outbox = pending.open("parcels", "p-1", List.of(event(), event()));
    String first = outbox.get(0).getString("eventId");
    pending.done(List.of(first));
    // Written behind the instance's back: only a look-up would find it.
    fixture
        .mongo
        .getCollection(PendingEvents.COLLECTION)
        .insertOne(new Document("_id", first).append(PendingEvents.AGGREGATE_COLLECTION, "x"));

    assertThat(pending.stillPending(outbox)).containsExactly(outbox.get(1));
    assertThat(fixture.markers()).as("stamping costs no marker").isOne();
  }

  @Test
  void an_event_postponed_is_waiting_by_its_marker_and_looked_up_again() {
    List<Document> outbox = pending.open("parcels", "p-1", List.of(event()));
    String eventId = outbox.get(0).getString("eventId");
    pending.done(List.of(eventId));
    pending.postpone(
        List.of(
            new PendingEvents.Retry(
                eventId, "parcels", "p-1", fixture.clock.instant(), "the broker is away")));

    assertThat(pending.stillPending(outbox)).containsExactlyElementsOf(outbox);
    assertThat(pending.find(List.of(eventId))).containsOnlyKeys(eventId);
  }

  @Test
  void another_writers_event_waits_until_that_writer_tells_it_is_done() {
    PendingEvents other = fixture.anotherWriter();
    List<Document> outbox = other.open("parcels", "p-1", List.of(event()));
    String eventId = outbox.get(0).getString("eventId");

    assertThat(pending.stillPending(outbox))
        .as("published or not, only its writer knows")
        .hasSize(1);

    other.done(List.of(eventId));
    assertThat(pending.stillPending(outbox)).as("done, but not told yet").hasSize(1);
    fixture.clock.advance(Duration.ofSeconds(1));
    other.renew();
    assertThat(pending.stillPending(outbox)).isEmpty();
  }

  @Test
  void a_lapsed_writer_claimed_for_recovery_cannot_renew_and_goes_on_under_a_new_id() {
    PendingEvents other = fixture.anotherWriter();
    List<Document> before = other.open("parcels", "p-1", List.of(event()));
    String lapsed = other.writer();
    fixture.clock.advance(RelayFixture.LEASE.plusSeconds(1));

    assertThat(pending.claimLapsed("recoverer"))
        .singleElement()
        .satisfies(
            dead -> {
              assertThat(dead.id()).isEqualTo(lapsed);
              assertThat(dead.collections()).containsExactly("parcels");
            });
    assertThat(fixture.anotherWriter().claimLapsed("second")).as("claimed once").isEmpty();
    // Only slow, it comes back while the recovery reads: its renewal fails, it takes a new id.
    List<Document> after = other.open("parcels", "p-2", List.of(event()));
    assertThat(other.writer()).isNotEqualTo(lapsed);
    assertThat(after.get(0).getString(PendingEvents.WRITER)).isEqualTo(other.writer());
    assertThat(pending.stillPending(before))
        .as("waiting until the recovery has published it")
        .hasSize(1);

    pending.released(lapsed);

    assertThat(pending.stillPending(before)).isEmpty();
    assertThat(pending.stillPending(after)).hasSize(1);
    fixture.clock.advance(RelayFixture.LEASE.plusSeconds(1));
    assertThat(pending.claimLapsed("recoverer"))
        .as("the new id lapsed too, the released one is not claimed again")
        .extracting(PendingEvents.DeadWriter::id)
        .containsExactly(other.writer());
  }

  @Test
  void a_clock_that_steps_back_never_stamps_an_event_behind_the_progress_told() {
    PendingEvents other = fixture.anotherWriter();
    List<Document> first = other.open("parcels", "p-1", List.of(event()));
    other.done(List.of(first.get(0).getString("eventId")));
    fixture.clock.advance(Duration.ofSeconds(2));
    other.renew();
    // The machine's clock is set back, as a time sync may do.
    fixture.clock.advance(Duration.ofSeconds(-10));

    List<Document> second = other.open("parcels", "p-1", List.of(event()));

    assertThat(pending.stillPending(second))
        .as("waiting for every other instance, however the clock moved")
        .hasSize(1);
  }

  @Test
  void an_event_opened_again_counts_once_and_its_progress_moves_past_it_once_done() {
    EventMessage event = event();
    pending.open("parcels", "p-1", List.of(event));
    fixture.clock.advance(Duration.ofSeconds(1));
    // The write lost a race and was decided again with the same event.
    List<Document> again = pending.open("parcels", "p-1", List.of(event));
    pending.done(List.of(event.eventId()));
    fixture.clock.advance(Duration.ofSeconds(1));
    pending.renew();

    assertThat(fixture.waiting()).isZero();
    assertThat(fixture.anotherWriter().stillPending(again)).isEmpty();
  }

  private EventMessage event() {
    return fixture.event("p-1");
  }
}
