package io.crossdesk.notification.log.web;

import io.crossdesk.notification.log.domain.Notification;
import java.time.Instant;

/** A notification as the API shows it. */
record NotificationView(
    String id,
    String eventId,
    String customerId,
    String ticketId,
    String channel,
    String recipient,
    String template,
    String subject,
    String body,
    String status,
    Instant createdAt) {

  static NotificationView of(Notification notification) {
    return new NotificationView(
        notification.id(),
        notification.eventId(),
        notification.customerId(),
        notification.ticketId(),
        notification.channel().name(),
        notification.recipient(),
        notification.template(),
        notification.subject(),
        notification.body(),
        notification.status().name(),
        notification.createdAt());
  }
}
