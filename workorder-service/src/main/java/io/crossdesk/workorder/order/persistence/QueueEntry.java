package io.crossdesk.workorder.order.persistence;

import io.crossdesk.workorder.order.domain.Step;
import io.crossdesk.workorder.order.domain.TicketFacts;
import io.crossdesk.workorder.routing.domain.Priority;
import java.time.Instant;

/** One step in a queue, with what its work order says about the ticket. */
public record QueueEntry(
    String workOrderId,
    TicketFacts ticket,
    int round,
    Priority priority,
    Instant expectedCompletion,
    Step step) {}
