package io.crossdesk.ticket.lifecycle.domain;

/** What happened to a ticket, as its timeline shows it. */
public enum TimelineEntryType {
  OPENED(Visibility.PUBLIC),
  ROUTED(Visibility.PUBLIC),
  STEP_STARTED(Visibility.PUBLIC),
  STEP_FINISHED(Visibility.PUBLIC),
  EXPECTED_COMPLETION(Visibility.PUBLIC),
  REPLY(Visibility.PUBLIC),
  WAITING_FOR_CUSTOMER(Visibility.PUBLIC),
  RESUMED(Visibility.PUBLIC),
  RESOLVED(Visibility.PUBLIC),
  CONFIRMED(Visibility.PUBLIC),
  REOPENED(Visibility.PUBLIC),
  CLOSED(Visibility.PUBLIC),
  CANCELLED(Visibility.PUBLIC),
  SATISFACTION(Visibility.PUBLIC),
  NOTE(Visibility.INTERNAL),
  RECLASSIFIED(Visibility.INTERNAL),
  TRANSFERRED(Visibility.INTERNAL),
  ESCALATED(Visibility.INTERNAL),
  RETURNED(Visibility.INTERNAL),
  MERGED(Visibility.INTERNAL);

  private final Visibility visibility;

  TimelineEntryType(Visibility visibility) {
    this.visibility = visibility;
  }

  public Visibility visibility() {
    return visibility;
  }
}
