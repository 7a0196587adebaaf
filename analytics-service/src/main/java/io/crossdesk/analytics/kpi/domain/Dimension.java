package io.crossdesk.analytics.kpi.domain;

/** What a counter counts by. */
public enum Dimension {
  /** Every business event, by its CloudEvents type. */
  EVENTS_BY_TYPE,
  /** Opened tickets, by request category. */
  TICKETS_BY_CATEGORY,
  /** Opened tickets, by the channel the customer used. */
  TICKETS_BY_CHANNEL,
  /** Routed work orders, by the department that must act. */
  WORK_ORDERS_BY_DEPARTMENT
}
