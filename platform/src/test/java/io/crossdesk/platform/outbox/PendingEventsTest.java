package io.crossdesk.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

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
  void a_marker_this_instance_removed_is_known_gone_without_a_look_up() {
    pending.mark("parcels", "p-1", List.of("e-1", "e-2"));
    pending.remove(List.of("e-1"));
    // Written behind the instance's back: only a look-up would find it.
    fixture
        .mongo
        .getCollection(PendingEvents.COLLECTION)
        .insertOne(new Document("_id", "e-1").append(PendingEvents.AGGREGATE_COLLECTION, "x"));

    assertThat(pending.find(List.of("e-1", "e-2"))).containsOnlyKeys("e-2");
  }

  @Test
  void an_event_marked_or_postponed_again_is_looked_up_again() {
    pending.mark("parcels", "p-1", List.of("e-1"));
    pending.remove(List.of("e-1"));
    pending.mark("parcels", "p-1", List.of("e-1"));

    assertThat(pending.find(List.of("e-1"))).containsOnlyKeys("e-1");
  }
}
