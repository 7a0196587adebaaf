package io.crossdesk.contracts;

/** CloudEvents types: crossdesk.&lt;aggregate&gt;.&lt;past-tense-verb&gt;.v&lt;N&gt;. */
public final class EventTypes {

  public static final String CUSTOMER_REGISTERED = "crossdesk.customer.registered.v1";
  public static final String CUSTOMER_UPDATED = "crossdesk.customer.updated.v1";
  public static final String CUSTOMER_TIER_CHANGED = "crossdesk.customer.tier-changed.v1";
  public static final String TICKET_REQUESTED = "crossdesk.ticket.requested.v1";
  public static final String TICKET_OPENED = "crossdesk.ticket.opened.v1";
  public static final String TICKET_ESCALATED = "crossdesk.ticket.escalated.v1";
  public static final String TICKET_RESOLVED = "crossdesk.ticket.resolved.v1";
  public static final String TICKET_CLOSED = "crossdesk.ticket.closed.v1";
  public static final String TICKET_REOPENED = "crossdesk.ticket.reopened.v1";
  public static final String TICKET_WAITING_FOR_CUSTOMER =
      "crossdesk.ticket.waiting-for-customer.v1";
  public static final String TICKET_STATUS_CHANGED = "crossdesk.ticket.status-changed.v1";
  public static final String TICKET_RECLASSIFIED = "crossdesk.ticket.reclassified.v1";
  public static final String SATISFACTION_RECORDED = "crossdesk.satisfaction.recorded.v1";
  public static final String WORKORDER_ROUTED = "crossdesk.workorder.routed.v1";
  public static final String WORKORDER_COMPLETED = "crossdesk.workorder.completed.v1";
  public static final String WORKORDER_RESOLVED = "crossdesk.workorder.resolved.v1";
  public static final String COMPLAINT_RESOLVED = "crossdesk.complaint.resolved.v1";
  public static final String WORKORDER_STEP_STARTED = "crossdesk.workorder.step-started.v1";
  public static final String WORKORDER_STEP_ASSIGNED = "crossdesk.workorder.step-assigned.v1";
  public static final String WORKORDER_STEP_COMPLETED = "crossdesk.workorder.step-completed.v1";
  public static final String WORKORDER_STEP_RETURNED = "crossdesk.workorder.step-returned.v1";
  public static final String WORKORDER_TRANSFERRED = "crossdesk.workorder.transferred.v1";
  public static final String WORKORDER_ESCALATED = "crossdesk.workorder.escalated.v1";
  public static final String WORKORDER_STEP_WITHDRAWN = "crossdesk.workorder.step-withdrawn.v1";
  public static final String WORKORDER_CLOSED = "crossdesk.workorder.closed.v1";
  public static final String ROUTING_CONFIGURATION_CHANGED =
      "crossdesk.routing-configuration.changed.v1";

  /** Public inbound: a department system reports a step's outcome. */
  public static final String WORKORDER_STEP_RESULT = "crossdesk.workorder.step-result.v1";

  public static final String NOTIFICATION_SENT = "crossdesk.notification.sent.v1";
  public static final String NOTIFICATION_FAILED = "crossdesk.notification.failed.v1";
  public static final String SURVEY_ANSWERED = "crossdesk.survey.answered.v1";
  public static final String ANOMALY_DETECTED = "crossdesk.analytics.anomaly-detected.v1";
  public static final String CUSTOMER_AT_RISK = "crossdesk.analytics.customer-at-risk.v1";

  private EventTypes() {}
}
