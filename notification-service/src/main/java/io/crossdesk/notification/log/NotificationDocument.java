package io.crossdesk.notification.log;

import io.crossdesk.notification.log.domain.Channel;
import io.crossdesk.notification.log.domain.Notification;
import io.crossdesk.notification.log.domain.NotificationStatus;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A notification as stored. The unique index on {@code eventId} is what makes one event cause one
 * notification, even when a redelivery races past the processed-events check.
 */
@Document("notifications")
@CompoundIndex(name = "customer_newest_first", def = "{'customerId': 1, 'createdAt': -1}")
@CompoundIndex(name = "ticket_newest_first", def = "{'ticketId': 1, 'createdAt': -1}")
record NotificationDocument(
    @Id String id,
    @Indexed(unique = true) String eventId,
    String customerId,
    String ticketId,
    Channel channel,
    String recipient,
    String template,
    String subject,
    String body,
    NotificationStatus status,
    Instant createdAt) {

  static NotificationDocument of(Notification notification) {
    return new NotificationDocument(
        notification.id(),
        notification.eventId(),
        notification.customerId(),
        notification.ticketId(),
        notification.channel(),
        notification.recipient(),
        notification.template(),
        notification.subject(),
        notification.body(),
        notification.status(),
        notification.createdAt());
  }

  Notification toNotification() {
    return new Notification(
        id,
        eventId,
        customerId,
        ticketId,
        channel,
        recipient,
        template,
        subject,
        body,
        status,
        createdAt);
  }
}
