package io.crossdesk.notification.log.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.crossdesk.notification.log.domain.Channel;
import io.crossdesk.notification.log.domain.DeliveryAddress;
import io.crossdesk.notification.log.domain.Message;
import io.crossdesk.notification.log.domain.Notification;
import io.crossdesk.testsupport.TestInfrastructure;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;

/** The log on a fresh database of the test server, without Spring and without auto-indexing. */
class NotificationLogTest {

  private static final Instant NOW = Instant.parse("2025-03-04T09:15:00Z");

  private final String database =
      "notification-log-" + UUID.randomUUID().toString().substring(0, 8);
  private final MongoClient client =
      MongoClients.create(TestInfrastructure.get().mongoUri(database));
  private final MongoTemplate mongo = new MongoTemplate(client, database);
  private final NotificationLog log = new NotificationLog(mongo);

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void creates_the_unique_event_index_itself_at_start_up() {
    log.afterPropertiesSet();

    assertThat(mongo.indexOps(NotificationDocument.class).getIndexInfo())
        .filteredOn(index -> index.isIndexForFields(List.of("eventId")))
        .singleElement()
        .satisfies(index -> assertThat(index.isUnique()).isTrue())
        .extracting(IndexInfo::getName)
        .isEqualTo("eventId");
  }

  @Test
  void keeps_one_notification_per_event_however_often_it_is_recorded() {
    log.afterPropertiesSet();
    // A replay builds a new notification (new id) for the same event.
    log.record(acknowledgementOf("event-1"));
    log.record(acknowledgementOf("event-1"));
    log.record(acknowledgementOf("event-2"));

    assertThat(log.newest("C-1", null, 10))
        .extracting(Notification::eventId)
        .containsExactlyInAnyOrder("event-1", "event-2");
  }

  private static Notification acknowledgementOf(String eventId) {
    return Notification.queued(
        eventId,
        "C-1",
        "T-1",
        new DeliveryAddress(Channel.EMAIL, "ada@example.org"),
        new Message("ticket-received", "Received", "We have your request."),
        NOW);
  }
}
