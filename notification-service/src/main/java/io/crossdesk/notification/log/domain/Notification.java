package io.crossdesk.notification.log.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One message to one recipient on one channel, caused by one business event. Its id is derived from
 * the event, the kind of message, the recipient and the channel, so that however often the event is
 * delivered, and by whichever instance, it is stored once and sent once.
 *
 * @param notBefore when quiet hours defer it, the moment they end; null otherwise
 * @param tries how many times sending was tried
 */
public record Notification(
    String id,
    String eventId,
    String kind,
    RecipientType recipientType,
    String recipientKey,
    String customerId,
    String ticketId,
    Channel channel,
    String recipient,
    String locale,
    String subject,
    String body,
    boolean urgent,
    NotificationStatus status,
    int tries,
    String lastError,
    Instant createdAt,
    Instant notBefore,
    Instant sentAt) {

  public Notification {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(recipientType, "recipientType");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** A message waiting for its first try, or until {@code notBefore} when that is not null. */
  public static Notification queued(
      String eventId,
      Message message,
      DeliveryAddress address,
      String customerId,
      String ticketId,
      String locale,
      boolean urgent,
      Instant now,
      Instant notBefore) {
    return new Notification(
        idOf(eventId, message.template(), address),
        eventId,
        message.template(),
        address.recipientType(),
        address.recipientKey(),
        customerId,
        ticketId,
        address.channel(),
        address.address(),
        locale,
        message.subject(),
        message.body(),
        urgent,
        NotificationStatus.QUEUED,
        0,
        null,
        now,
        notBefore,
        null);
  }

  /**
   * An in-app message: delivered as it is stored, since storing it is what puts it in reach of the
   * feed; the feed entry is written right after, and again when the event is delivered again.
   */
  public static Notification inFeed(
      String eventId,
      Message message,
      DeliveryAddress address,
      String customerId,
      String ticketId,
      String locale,
      boolean urgent,
      Instant now) {
    return queued(eventId, message, address, customerId, ticketId, locale, urgent, now, null)
        .sent(now);
  }

  /**
   * The same for every delivery of the event. A customer's e-mail and SMS share one id: the
   * customer gets the message on one of them, whichever their contact says when it is addressed.
   */
  static String idOf(String eventId, String kind, DeliveryAddress address) {
    String slot = address.channel() == Channel.IN_APP ? "in-app" : "direct";
    String name =
        String.join(
            "\n", eventId, kind, address.recipientType().name(), address.recipientKey(), slot);
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  public boolean isAddressed() {
    return recipient != null;
  }

  /** Whether it may be tried at {@code now}: queued, addressed and not deferred past now. */
  public boolean isDue(Instant now) {
    return status == NotificationStatus.QUEUED
        && isAddressed()
        && (notBefore == null || !now.isBefore(notBefore));
  }

  public Notification addressed(Channel to, String address) {
    return addressed(to, address, notBefore);
  }

  /**
   * Addressed once the customer became known, not sent before {@code quietUntil} (the end of their
   * quiet hours) unless it is urgent.
   */
  public Notification addressed(Channel to, String address, Instant quietUntil) {
    Instant waitUntil =
        urgent || quietUntil == null || (notBefore != null && notBefore.isAfter(quietUntil))
            ? notBefore
            : quietUntil;
    return new Notification(
        id,
        eventId,
        kind,
        recipientType,
        recipientKey,
        customerId,
        ticketId,
        to,
        address,
        locale,
        subject,
        body,
        urgent,
        status,
        tries,
        lastError,
        createdAt,
        waitUntil,
        sentAt);
  }

  public Notification sent(Instant at) {
    return new Notification(
        id,
        eventId,
        kind,
        recipientType,
        recipientKey,
        customerId,
        ticketId,
        channel,
        recipient,
        locale,
        subject,
        body,
        urgent,
        NotificationStatus.SENT,
        tries + 1,
        null,
        createdAt,
        notBefore,
        at);
  }

  /** After a failed try; the last one it may have fails it for good. */
  public Notification failed(String error, boolean last) {
    return new Notification(
        id,
        eventId,
        kind,
        recipientType,
        recipientKey,
        customerId,
        ticketId,
        channel,
        recipient,
        locale,
        subject,
        body,
        urgent,
        last ? NotificationStatus.FAILED : NotificationStatus.QUEUED,
        tries + 1,
        error,
        createdAt,
        notBefore,
        sentAt);
  }
}
