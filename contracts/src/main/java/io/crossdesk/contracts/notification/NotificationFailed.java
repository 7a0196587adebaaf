package io.crossdesk.contracts.notification;

import java.time.Instant;

/**
 * A notification could not be delivered and will not be tried again: its retries ran out, the
 * channel refused it for good, or the recipient has no address or consent for the channel. Key and
 * subject: notificationId.
 *
 * @param causeEventId the event that caused it
 * @param kind the message, for example {@code TICKET_RECEIVED}
 * @param channel EMAIL, SMS, WEBHOOK or IN_APP
 * @param recipientType CUSTOMER, STAFF or SYSTEM
 * @param recipient the customer or staff id, or the webhook subscription id; never an address
 * @param customerId the customer it concerns, when it concerns one
 * @param ticketId the ticket it concerns, when it concerns one
 * @param reason why, in a line
 */
public record NotificationFailed(
    String notificationId,
    String causeEventId,
    String kind,
    String channel,
    String recipientType,
    String recipient,
    String customerId,
    String ticketId,
    String reason,
    int attempts,
    Instant failedAt) {}
