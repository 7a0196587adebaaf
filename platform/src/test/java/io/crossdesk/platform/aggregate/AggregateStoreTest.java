package io.crossdesk.platform.aggregate;

import static io.crossdesk.testsupport.TopicRecorder.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.outbox.OutboxRelay;
import io.crossdesk.platform.outbox.RelayFixture;
import io.crossdesk.testsupport.TopicRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The aggregate store against the test MongoDB server, on a database of its own per test. */
class AggregateStoreTest {

  record Parcel(String id, String key, String state) {}

  /** A hand-written mapping, as every aggregate has. */
  static final class Parcels implements AggregateMapping<Parcel> {

    @Override
    public String collection() {
      return COLLECTION;
    }

    @Override
    public String idOf(Parcel parcel) {
      return parcel.id();
    }

    @Override
    public Document write(Parcel parcel) {
      return Fields.writer().put("key", parcel.key()).put("state", parcel.state()).document();
    }

    @Override
    public Parcel read(Document stored) {
      return new Parcel(
          stored.getString("_id"), stored.getString("key"), stored.getString("state"));
    }
  }

  private static final String COLLECTION = "parcels";

  /** Records what it was asked, and what the store held at that moment. */
  final class RecordingSideWrites implements SideWrites<Parcel> {
    final List<String> calls = new ArrayList<>();

    @Override
    public void before(Parcel before, Parcel after) {
      calls.add("before " + state(before) + "->" + after.state() + ", stored " + stored(after));
    }

    @Override
    public void after(Parcel before, Parcel after) {
      calls.add("after " + state(before) + "->" + after.state() + ", stored " + stored(after));
    }

    @Override
    public void failed(Parcel before, Parcel after) {
      calls.add("failed " + state(before) + "->" + after.state());
    }

    private String state(Parcel parcel) {
      return parcel == null ? "none" : parcel.state();
    }

    private String stored(Parcel parcel) {
      Document document = document(parcel.id());
      return document == null ? "nothing" : document.getString("state");
    }
  }

  private final RelayFixture fixture = new RelayFixture();
  private final OutboxRelay relay = fixture.relay(500);
  private final RecordingSideWrites sideWrites = new RecordingSideWrites();
  private final AggregateStore<Parcel> parcels =
      new AggregateStore<>(fixture.mongo, fixture.pending(), relay, new Parcels(), sideWrites, 3);

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void an_opening_writes_state_version_and_events_in_one_document_with_its_side_writes_around() {
    EventMessage registered = fixture.event("p-1");

    parcels.insert(Change.of(new Parcel("p-1", "k-1", "registered"), registered));

    Document stored = document("p-1");
    assertThat(stored.getString("state")).isEqualTo("registered");
    assertThat(stored.getLong("version")).isZero();
    assertThat(fixture.outbox("p-1"))
        .extracting(entry -> entry.getString("eventId"))
        .containsExactly(registered.eventId());
    assertThat(fixture.waiting()).isEqualTo(1);
    assertThat(sideWrites.calls)
        .containsExactly(
            "before none->registered, stored nothing", "after none->registered, stored registered");
    assertThat(relay.relayQueued()).isEqualTo(1);
    assertThat(fixture.waiting()).isZero();
  }

  @Test
  void a_bulk_opening_stores_each_aggregate_once_and_tells_which_this_call_stored() {
    parcels.insert(Change.of(new Parcel("p-2", "k-2", "registered")));

    List<Parcel> stored =
        parcels.insertNew(
            List.of(
                new Parcel("p-1", "k-1", "new"),
                new Parcel("p-2", "k-2", "again"),
                new Parcel("p-3", "k-3", "new")));

    assertThat(stored).extracting(Parcel::id).containsExactly("p-1", "p-3");
    assertThat(document("p-2").getString("state")).isEqualTo("registered");
    assertThat(document("p-3").getLong("version")).isZero();
    assertThat(parcels.insertNew(List.of(new Parcel("p-1", "k-1", "replayed")))).isEmpty();
    assertThat(parcels.change("p-3", read -> Change.of(new Parcel("p-3", "k-3", "changed"))))
        .isEqualTo(new Parcel("p-3", "k-3", "changed"));
    assertThat(fixture.waiting()).isZero();
  }

  @Test
  void a_change_of_a_known_document_writes_without_reading_and_decides_again_when_it_is_stale() {
    Parcel inserted = parcels.insertNew(List.of(new Parcel("p-1", "k-1", "new"))).get(0);

    assertThat(parcels.changeKnown(inserted, 0, read -> Change.of(withState(read, "weighed"))))
        .isEqualTo(new Parcel("p-1", "k-1", "weighed"));
    assertThat(document("p-1").getLong("version")).isEqualTo(1L);

    // The caller's copy is stale now: the write finds another version and decides again.
    List<String> decidedOn = new ArrayList<>();
    Parcel after =
        parcels.changeKnown(
            inserted,
            0,
            read -> {
              decidedOn.add(read.state());
              return Change.of(withState(read, read.state() + "+shipped"));
            });

    assertThat(decidedOn).containsExactly("new", "weighed");
    assertThat(after.state()).isEqualTo("weighed+shipped");
    assertThat(document("p-1").getLong("version")).isEqualTo(2L);
  }

  @Test
  void
      known_documents_change_together_and_one_another_writer_changed_is_decided_again_on_its_own() {
    List<Parcel> inserted =
        parcels.insertNew(
            List.of(
                new Parcel("p-1", "k-1", "new"),
                new Parcel("p-2", "k-2", "new"),
                new Parcel("p-3", "k-3", "new"),
                new Parcel("p-4", "k-4", "kept")));
    parcels.change("p-2", read -> Change.of(withState(read, "taken")));
    sideWrites.calls.clear();

    List<String> decidedOn = new ArrayList<>();
    List<Parcel> after =
        parcels.changeKnownAll(
            inserted,
            0,
            read -> {
              decidedOn.add(read.id() + " " + read.state());
              return read.state().equals("kept")
                  ? Change.none(read)
                  : Change.of(withState(read, read.state() + "+shipped"), fixture.event(read.id()));
            });

    assertThat(after)
        .extracting(Parcel::state)
        .containsExactly("new+shipped", "taken+shipped", "new+shipped", "kept");
    assertThat(decidedOn).containsExactly("p-1 new", "p-2 new", "p-3 new", "p-4 kept", "p-2 taken");
    assertThat(document("p-1").getLong("version")).isEqualTo(1L);
    assertThat(document("p-2").getLong("version")).isEqualTo(2L);
    assertThat(document("p-4").getLong("version")).isZero();
    assertThat(fixture.outbox("p-2")).hasSize(1);
    assertThat(sideWrites.calls)
        .contains(
            "failed new->new+shipped",
            "before taken->taken+shipped, stored taken",
            "after taken->taken+shipped, stored taken+shipped",
            "after new->new+shipped, stored new+shipped");
    // One event each, the stale write's gone with it: all three are published.
    assertThat(fixture.waiting()).isEqualTo(3);
    assertThat(relay.relayQueued()).isEqualTo(3);
  }

  @Test
  void a_change_after_this_instances_own_write_starts_from_it_and_one_changed_elsewhere_is_read() {
    AggregateStore<Parcel> elsewhere =
        new AggregateStore<>(
            fixture.mongo, fixture.pending(), relay, new Parcels(), new RecordingSideWrites(), 3);
    parcels.insert(Change.of(new Parcel("p-1", "k-1", "registered")));
    parcels.insert(Change.of(new Parcel("p-2", "k-2", "registered")));
    elsewhere.change("p-2", read -> Change.of(withState(read, "weighed")));

    List<String> decidedOn = new ArrayList<>();
    Parcel mine =
        parcels.change(
            "p-1",
            read -> {
              decidedOn.add(read.state());
              return Change.of(withState(read, "weighed"));
            });
    Parcel theirs =
        parcels.change(
            "p-2",
            read -> {
              decidedOn.add(read.state());
              return Change.of(withState(read, read.state() + "+shipped"));
            });

    assertThat(mine.state()).isEqualTo("weighed");
    // p-2's own last write was stale: its versioned write matched nothing, and it was read.
    assertThat(theirs.state()).isEqualTo("weighed+shipped");
    assertThat(decidedOn).containsExactly("registered", "registered", "weighed");
    assertThat(document("p-2").getLong("version")).isEqualTo(2L);
  }

  @Test
  void a_refusal_or_no_change_decided_on_a_stale_own_write_is_decided_again_on_what_is_stored() {
    AggregateStore<Parcel> elsewhere =
        new AggregateStore<>(
            fixture.mongo, fixture.pending(), relay, new Parcels(), new RecordingSideWrites(), 3);
    parcels.insert(Change.of(new Parcel("p-1", "k-1", "registered")));
    parcels.insert(Change.of(new Parcel("p-2", "k-2", "registered")));
    elsewhere.change("p-1", read -> Change.of(withState(read, "shipped")));
    elsewhere.change("p-2", read -> Change.of(withState(read, "shipped")));

    Parcel delivered =
        parcels.change(
            "p-1",
            read -> {
              if (!read.state().equals("shipped")) {
                throw new IllegalStateException("not shipped yet");
              }
              return Change.of(withState(read, "delivered"));
            });
    Parcel returned =
        parcels.change(
            "p-2",
            read ->
                read.state().equals("shipped")
                    ? Change.of(withState(read, "returned"))
                    : Change.none(read));

    assertThat(delivered.state()).isEqualTo("delivered");
    assertThat(returned.state()).isEqualTo("returned");
    assertThat(document("p-2").getString("state")).isEqualTo("returned");
  }

  private static Parcel withState(Parcel parcel, String state) {
    return new Parcel(parcel.id(), parcel.key(), state);
  }

  @Test
  void a_published_event_leaves_the_outbox_at_the_aggregates_next_write_and_pending_ones_stay() {
    EventMessage registered = fixture.event("p-1");
    EventMessage weighed = fixture.event("p-1");
    EventMessage shipped = fixture.event("p-1");
    parcels.insert(Change.of(new Parcel("p-1", "k-1", "registered"), registered));
    relay.relayQueued();
    parcels.change("p-1", read -> Change.of(new Parcel("p-1", "k-1", "weighed"), weighed));

    assertThat(fixture.outbox("p-1"))
        .extracting(entry -> entry.getString("eventId"))
        .containsExactly(weighed.eventId());

    parcels.change("p-1", read -> Change.of(new Parcel("p-1", "k-1", "shipped"), shipped));

    assertThat(fixture.outbox("p-1"))
        .extracting(entry -> entry.getString("eventId"))
        .containsExactly(weighed.eventId(), shipped.eventId());
  }

  @Test
  void a_request_seen_before_is_found_before_anything_is_decided_or_written() {
    parcels.insert(Change.of(new Parcel("p-1", "k-1", "registered")));
    sideWrites.calls.clear();
    AtomicInteger decided = new AtomicInteger();

    AggregateStore.Opened<Parcel> again =
        parcels.open(
            () -> parcels.findOne(new Document("key", "k-1")),
            () -> {
              decided.incrementAndGet();
              return Change.of(new Parcel("p-2", "k-1", "registered"), fixture.event("p-2"));
            });

    assertThat(again.isNew()).isFalse();
    assertThat(again.aggregate().id()).isEqualTo("p-1");
    assertThat(decided).hasValue(0);
    assertThat(sideWrites.calls).isEmpty();
    assertThat(fixture.waiting()).isZero();
  }

  @Test
  void an_opening_that_lost_the_race_to_a_unique_index_returns_the_winner_and_leaves_no_trace() {
    fixture
        .mongo
        .getCollection(COLLECTION)
        .createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
    parcels.insert(Change.of(new Parcel("p-1", "k-1", "registered")));
    sideWrites.calls.clear();
    AtomicInteger lookUps = new AtomicInteger();

    AggregateStore.Opened<Parcel> opened =
        parcels.open(
            // the first look-up misses, as when two deliveries race past it
            () ->
                lookUps.incrementAndGet() == 1
                    ? Optional.empty()
                    : parcels.findOne(new Document("key", "k-1")),
            () -> Change.of(new Parcel("p-2", "k-1", "registered"), fixture.event("p-2")));

    assertThat(opened.isNew()).isFalse();
    assertThat(opened.aggregate().id()).isEqualTo("p-1");
    assertThat(document("p-2")).isNull();
    assertThat(fixture.waiting()).isZero();
    assertThat(sideWrites.calls)
        .containsExactly("before none->registered, stored nothing", "failed none->registered");
  }

  @Test
  void a_decision_that_lost_the_race_is_made_again_on_the_fresh_state() {
    parcels.insert(Change.of(new Parcel("p-1", "k-1", "registered")));
    List<String> seen = new ArrayList<>();

    Parcel result =
        parcels.change(
            "p-1",
            read -> {
              seen.add(read.state());
              if (seen.size() == 1) {
                // another writer gets in between this read and this write
                parcels.change(
                    "p-1", other -> Change.of(new Parcel("p-1", "k-1", "weighed"), event()));
              }
              return Change.of(
                  new Parcel("p-1", "k-1", read.state() + "+shipped"), fixture.event("p-1"));
            });

    assertThat(seen).containsExactly("registered", "weighed");
    assertThat(result.state()).isEqualTo("weighed+shipped");
    Document stored = document("p-1");
    assertThat(stored.getString("state")).isEqualTo("weighed+shipped");
    assertThat(stored.getLong("version")).isEqualTo(2);
    assertThat(fixture.outbox("p-1")).hasSize(2);
    assertThat(fixture.waiting()).isEqualTo(2);
  }

  @Test
  void events_written_behind_unpublished_ones_are_published_after_them_in_one_pass() {
    EventMessage registered = fixture.event("p-1");
    EventMessage weighed = fixture.event("p-1");
    EventMessage shipped = fixture.event("p-2");
    parcels.insert(Change.of(new Parcel("p-1", "k-1", "registered"), registered));
    parcels.change("p-1", read -> Change.of(new Parcel("p-1", "k-1", "weighed"), weighed));
    parcels.insert(Change.of(new Parcel("p-2", "k-2", "shipped"), shipped));

    assertThat(relay.relayQueued()).isEqualTo(3);

    try (TopicRecorder recorder = TopicRecorder.of(fixture.topic)) {
      assertThat(recorder.all(record -> true))
          .extracting(record -> header(record, "ce_id"))
          .containsExactlyInAnyOrder(registered.eventId(), weighed.eventId(), shipped.eventId())
          .containsSubsequence(registered.eventId(), weighed.eventId());
    }
    assertThat(fixture.waiting()).isZero();
  }

  @Test
  void a_decision_that_keeps_losing_gives_up_after_its_attempts_and_leaves_nothing_waiting() {
    parcels.insert(Change.of(new Parcel("p-1", "k-1", "registered")));
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(
            () ->
                parcels.change(
                    "p-1",
                    read -> {
                      attempts.incrementAndGet();
                      fixture
                          .mongo
                          .getCollection(COLLECTION)
                          .updateOne(
                              new Document("_id", "p-1"),
                              new Document("$inc", new Document("version", 1L)));
                      return Change.of(new Parcel("p-1", "k-1", "lost"), fixture.event("p-1"));
                    }))
        .isInstanceOf(ConcurrentChangeException.class);

    assertThat(attempts).hasValue(3);
    assertThat(fixture.waiting()).isZero();
    assertThat(document("p-1").getString("state")).isEqualTo("registered");
  }

  @Test
  void a_decision_that_changes_nothing_writes_nothing() {
    parcels.insert(Change.of(new Parcel("p-1", "k-1", "registered")));
    sideWrites.calls.clear();

    parcels.change("p-1", read -> Change.none(read));
    parcels.change("p-1", read -> Change.of(new Parcel("p-1", "k-1", "registered")));

    assertThat(document("p-1").getLong("version")).isZero();
    assertThat(sideWrites.calls).isEmpty();
  }

  @Test
  void a_change_sets_only_the_fields_that_differ_and_removes_those_the_state_no_longer_has() {
    parcels.insert(Change.of(new Parcel("p-1", "k-1", "registered")));

    parcels.change("p-1", read -> Change.of(new Parcel("p-1", null, "registered")));

    Document stored = document("p-1");
    assertThat(stored).doesNotContainKey("key");
    assertThat(stored.getString("state")).isEqualTo("registered");
    assertThat(stored.getLong("version")).isEqualTo(1);
  }

  @Test
  void an_event_delivered_again_changes_nothing_and_its_id_is_written_with_its_change() {
    parcels.insert(Change.of(new Parcel("p-1", "k-1", "registered")));
    AtomicInteger decided = new AtomicInteger();

    for (int delivery = 0; delivery < 2; delivery++) {
      parcels.apply(
          "p-1",
          "ev-weighed",
          read -> {
            decided.incrementAndGet();
            return Change.of(new Parcel("p-1", "k-1", read.state() + "+weighed"));
          });
    }

    Document stored = document("p-1");
    assertThat(decided).hasValue(1);
    assertThat(stored.getString("state")).isEqualTo("registered+weighed");
    assertThat(stored.getList("applied", String.class)).containsExactly("ev-weighed");
    assertThat(stored.getLong("version")).isEqualTo(1);
  }

  @Test
  void the_applied_event_ids_a_document_keeps_are_the_latest_ones() {
    parcels.insert(Change.of(new Parcel("p-1", "k-1", "0")));

    for (int i = 1; i <= AggregateStore.APPLIED_KEPT + 3; i++) {
      String state = Integer.toString(i);
      parcels.apply("p-1", "ev-" + i, read -> Change.of(new Parcel("p-1", "k-1", state)));
    }

    List<String> applied = document("p-1").getList("applied", String.class);
    assertThat(applied).hasSize(AggregateStore.APPLIED_KEPT).doesNotContain("ev-3");
    assertThat(applied).startsWith("ev-4").endsWith("ev-" + (AggregateStore.APPLIED_KEPT + 3));
  }

  @Test
  void a_change_of_an_aggregate_that_is_not_stored_says_so() {
    assertThatThrownBy(() -> parcels.change("p-404", read -> Change.none(read)))
        .isInstanceOf(AggregateNotFoundException.class);
  }

  private EventMessage event() {
    return fixture.event("p-1");
  }

  private Document document(String id) {
    return fixture.mongo.getCollection(COLLECTION).find(new Document("_id", id)).first();
  }
}
