package io.crossdesk.notification.webhook.domain;

/** Where a delivery stands. */
public enum DeliveryStatus {
  /** Stored, its first try not done yet. */
  PENDING,
  /** The last try failed; another is scheduled. */
  FAILED,
  SUCCEEDED,
  /** Every try failed, or the subscription was disabled or removed: no more tries. */
  GIVEN_UP;

  public boolean isFinal() {
    return this == SUCCEEDED || this == GIVEN_UP;
  }
}
