package io.crossdesk.ticket.ticket.domain;

import java.time.Instant;

/**
 * One step of a ticket's history. The text is written for the customer, who sees the timeline.
 *
 * @param actor who caused it: a person's subject or a system's name
 */
public record TimelineEntry(Instant at, TimelineEntryType type, String text, String actor) {}
