package io.crossdesk.contracts.workorder;

import java.time.Instant;

/**
 * A step passed an escalation threshold of its OLA and went up one level. Key and subject:
 * workOrderId.
 *
 * @param level 1 team lead, 2 department head, 3 service-quality supervisor
 * @param role who must act: TEAM_LEAD, DEPARTMENT_HEAD or SERVICE_QUALITY_SUPERVISOR
 * @param contact the department's escalation contact for that level
 * @param thresholdPercent the share of the OLA that had passed
 */
public record WorkOrderEscalated(
    String workOrderId,
    String ticketId,
    String customerId,
    String customerTier,
    String stepId,
    String stepName,
    String department,
    int level,
    String role,
    String contact,
    int thresholdPercent,
    Instant dueAt,
    Instant escalatedAt,
    boolean breached,
    int round) {}
