package io.crossdesk.customer.profile.domain;

/** Whether the customer is a person or an organisation with its own accounts and contacts. */
public enum CustomerType {
  INDIVIDUAL,
  ENTERPRISE
}
