package io.crossdesk.notification.log.web;

import io.crossdesk.notification.log.domain.Notification;
import java.time.Instant;

/**
 * A notification as the API shows it: the message, who it went to, and how its delivery went.
 *
 * @param template the kind of message ({@code ticket-received}, {@code escalation}, ...)
 * @param recipientType CUSTOMER, DEPARTMENT, STAFF or CONTACT
 * @param recipientKey the customer id, department, user name or contact it is for
 * @param recipient the address it goes to (null while a customer's contact is not known yet)
 * @param status QUEUED, SENT or FAILED
 * @param tries how many times sending was tried
 * @param lastError why the last failed try failed
 * @param notBefore when quiet hours defer it, the moment they end
 */
record NotificationView(
    String id,
    String eventId,
    String template,
    String recipientType,
    String recipientKey,
    String customerId,
    String ticketId,
    String channel,
    String recipient,
    String locale,
    String subject,
    String body,
    boolean urgent,
    String status,
    int tries,
    String lastError,
    Instant createdAt,
    Instant notBefore,
    Instant sentAt) {

  static NotificationView of(Notification notification) {
    return new NotificationView(
        notification.id(),
        notification.eventId(),
        notification.kind(),
        notification.recipientType().name(),
        notification.recipientKey(),
        notification.customerId(),
        notification.ticketId(),
        notification.channel().name(),
        notification.recipient(),
        notification.locale(),
        notification.subject(),
        notification.body(),
        notification.urgent(),
        notification.status().name(),
        notification.tries(),
        notification.lastError(),
        notification.createdAt(),
        notification.notBefore(),
        notification.sentAt());
  }
}
