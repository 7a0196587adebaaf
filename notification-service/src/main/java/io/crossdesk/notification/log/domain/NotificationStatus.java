package io.crossdesk.notification.log.domain;

/**
 * Where a notification stands. It is stored {@link #QUEUED} before it is tried, stays so between
 * failed tries and while quiet hours defer it, and ends {@link #SENT} or, once every try failed,
 * {@link #FAILED}.
 */
public enum NotificationStatus {
  QUEUED,
  SENT,
  FAILED;

  public boolean isFinal() {
    return this != QUEUED;
  }
}
