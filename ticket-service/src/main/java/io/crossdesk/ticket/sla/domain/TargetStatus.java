package io.crossdesk.ticket.sla.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Where one target stands at a moment.
 *
 * @param dueAt when it is due, or null while the clock is paused before it fell due
 * @param timeLeft business time left, negative once it is overdue
 * @param met done in time
 * @param breached done late, or not done and overdue
 */
public record TargetStatus(
    Duration target,
    Instant dueAt,
    Duration timeLeft,
    boolean paused,
    boolean met,
    boolean breached) {}
