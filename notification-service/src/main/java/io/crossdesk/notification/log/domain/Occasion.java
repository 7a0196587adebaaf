package io.crossdesk.notification.log.domain;

import java.time.Instant;

/**
 * The event a message is written for, and what every copy of it shares: the customer and ticket it
 * is about, and whether it is urgent (urgent messages do not wait for quiet hours).
 */
public record Occasion(
    String eventId, Instant eventTime, String customerId, String ticketId, boolean urgent) {}
