package io.crossdesk.notification.log.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry of the notification log. {@code eventId} is the business event that caused it: one
 * event never causes the same notification twice, however often it is delivered.
 */
public record Notification(
    String id,
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

  public Notification {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** A notification waiting for delivery. */
  public static Notification queued(
      String eventId,
      String customerId,
      String ticketId,
      DeliveryAddress address,
      Message message,
      Instant now) {
    return new Notification(
        UUID.randomUUID().toString(),
        eventId,
        customerId,
        ticketId,
        address.channel(),
        address.recipient(),
        message.template(),
        message.subject(),
        message.body(),
        NotificationStatus.QUEUED,
        now);
  }
}
