package io.crossdesk.platform.security;

/** The roles a token can carry in its {@code roles} claim. */
public enum Role {
  /** Sees and opens only their own tickets ({@code customerId} claim). */
  CUSTOMER,
  /** Service-center desk: registers customers, opens tickets for them. */
  AGENT,
  /** Staff of one department ({@code department} claim); acts only on that department's steps. */
  DEPARTMENT,
  /** All queues and escalations. */
  SUPERVISOR,
  /** Rules, templates, SLA policies, targets. */
  ADMIN,
  /** Another enterprise system. */
  SYSTEM
}
