package io.crossdesk.workorder.order.persistence;

import io.crossdesk.workorder.order.domain.StepStatus;
import java.time.Instant;
import java.util.Set;

/**
 * Which steps a queue shows; a null criterion matches everything.
 *
 * @param overdue true for steps past their due time at {@code now}, false for those not yet
 */
public record QueueFilter(
    String ticketId,
    String department,
    Set<StepStatus> statuses,
    String assignee,
    Boolean overdue,
    Instant now) {}
