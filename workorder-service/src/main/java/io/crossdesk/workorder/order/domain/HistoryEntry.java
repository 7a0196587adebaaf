package io.crossdesk.workorder.order.domain;

import java.time.Instant;

/**
 * One thing that happened to a work order: who, when, what, on which step and in which department.
 *
 * @param ref the id of the inbound event that caused it, so that a redelivered event is recognised
 */
public record HistoryEntry(
    Instant at,
    String actor,
    String action,
    String stepId,
    String department,
    String detail,
    String ref) {}
