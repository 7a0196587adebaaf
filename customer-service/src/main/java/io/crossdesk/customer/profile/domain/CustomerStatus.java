package io.crossdesk.customer.profile.domain;

/** Whether the customer's account is in service. */
public enum CustomerStatus {
  ACTIVE,
  SUSPENDED,
  CLOSED
}
