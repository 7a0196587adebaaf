package io.crossdesk.customer.access.domain;

/** How much of a customer a caller sees. */
public enum Visibility {
  /** Nothing: to them the customer does not exist. */
  NONE,
  /** The profile with phone numbers and e-mail addresses masked. */
  MASKED,
  /** Everything. */
  FULL
}
