package io.crossdesk.customer.profile.domain;

/** The customer's value tier; deadlines and escalations downstream follow it. A is the highest. */
public enum Tier {
  A,
  B,
  C
}
