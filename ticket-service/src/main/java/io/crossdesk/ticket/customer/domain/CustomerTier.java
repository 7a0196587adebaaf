package io.crossdesk.ticket.customer.domain;

/** Service tier by customer value; deadlines follow it. */
public enum CustomerTier {
  A,
  B,
  C
}
