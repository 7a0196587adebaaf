package io.crossdesk.customer.history.domain;

/** What kind of contact with the customer it was. */
public enum ContactKind {
  TICKET_OPENED,
  TICKET_REOPENED,
  TICKET_RESOLVED,
  RESOLUTION_CONFIRMED,
  SURVEY_ANSWERED,
  NOTIFICATION_SENT,
  DEPARTMENT_VISIT,
  CALL_BACK,
  /** Recorded by hand: a call an agent took without opening a ticket. */
  INBOUND_CALL,
  OUTBOUND_CALL,
  BRANCH_VISIT,
  MESSAGE;

  /** The kinds staff record by hand; the others come from events. */
  public static final java.util.Set<ContactKind> MANUAL =
      java.util.EnumSet.of(INBOUND_CALL, OUTBOUND_CALL, CALL_BACK, BRANCH_VISIT, MESSAGE);
}
