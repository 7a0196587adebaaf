package io.crossdesk.notification.webhook.persistence;

import io.crossdesk.notification.webhook.domain.Delivery;
import io.crossdesk.notification.webhook.domain.DeliveryAttempt;
import io.crossdesk.notification.webhook.domain.DeliveryStatus;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A delivery as stored. {@code newest} is {@code <subscription id>|<inverted creation
 * millis>|<event id>}: unique, and ascending in it is a subscription's deliveries newest first, so
 * a page is a range of one unique index.
 */
@Document(DeliveryLog.COLLECTION)
record DeliveryDocument(
    @Id String id,
    String subscriptionId,
    String eventId,
    String eventType,
    String newest,
    String body,
    DeliveryStatus status,
    int tries,
    List<DeliveryAttempt> attempts,
    Instant createdAt,
    Instant nextTryAt) {

  private static final long LATEST = 9_999_999_999_999L;

  static DeliveryDocument of(Delivery delivery) {
    return new DeliveryDocument(
        delivery.id(),
        delivery.subscriptionId(),
        delivery.eventId(),
        delivery.eventType(),
        newestKey(delivery.subscriptionId(), delivery.createdAt(), delivery.eventId()),
        delivery.body(),
        delivery.status(),
        delivery.tries(),
        delivery.attempts(),
        delivery.createdAt(),
        delivery.nextTryAt());
  }

  static String newestKey(String subscriptionId, Instant createdAt, String eventId) {
    return subscriptionId
        + "|"
        + String.format("%013d", LATEST - createdAt.toEpochMilli())
        + "|"
        + eventId;
  }

  Delivery toDelivery() {
    return new Delivery(
        id,
        subscriptionId,
        eventId,
        eventType,
        body,
        status,
        tries,
        attempts == null ? List.of() : attempts,
        createdAt,
        nextTryAt);
  }
}
