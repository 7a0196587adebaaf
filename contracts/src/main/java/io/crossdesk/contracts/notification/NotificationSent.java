package io.crossdesk.contracts.notification;

import java.time.Instant;

/**
 * A notification was handed over to its channel: accepted by the SMTP server, the SMS gateway or
 * the webhook subscriber (a 2xx), or put in the recipient's in-app feed. Key and subject:
 * notificationId.
 *
 * @param causeEventId the event that caused it (TicketOpened, WorkOrderEscalated, ...)
 * @param kind the message, for example {@code TICKET_RECEIVED} or {@code STEP_OVERDUE}
 * @param channel EMAIL, SMS, WEBHOOK or IN_APP
 * @param recipientType CUSTOMER, STAFF or SYSTEM
 * @param recipient who it went to: the customer or staff id, or the webhook subscription id; never
 *     an address
 * @param customerId the customer it concerns, when it concerns one
 * @param ticketId the ticket it concerns, when it concerns one
 * @param summary the subject, or the first words of a message without one
 */
public record NotificationSent(
    String notificationId,
    String causeEventId,
    String kind,
    String channel,
    String recipientType,
    String recipient,
    String customerId,
    String ticketId,
    String locale,
    String summary,
    int attempts,
    Instant sentAt) {}
