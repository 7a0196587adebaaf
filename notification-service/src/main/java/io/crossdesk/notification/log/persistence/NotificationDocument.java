package io.crossdesk.notification.log.persistence;

import io.crossdesk.notification.log.domain.Channel;
import io.crossdesk.notification.log.domain.Notification;
import io.crossdesk.notification.log.domain.NotificationStatus;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A notification as stored. Its indexes, among them the unique {@code eventId} that makes one event
 * cause one notification, are created by {@link NotificationLog}.
 */
@Document(NotificationDocument.COLLECTION)
record NotificationDocument(
    @Id String id,
    String eventId,
    String customerId,
    String ticketId,
    Channel channel,
    String recipient,
    String template,
    String subject,
    String body,
    NotificationStatus status,
    Instant createdAt) {

  static final String COLLECTION = "notifications";

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
