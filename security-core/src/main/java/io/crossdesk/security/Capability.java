package io.crossdesk.security;

import static io.crossdesk.security.Role.ADMIN;
import static io.crossdesk.security.Role.AGENT;
import static io.crossdesk.security.Role.CUSTOMER;
import static io.crossdesk.security.Role.DEPARTMENT;
import static io.crossdesk.security.Role.SUPERVISOR;
import static io.crossdesk.security.Role.SYSTEM;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a caller may do, and the roles that grant it: the one place where roles become rights. Every
 * service checks capabilities, never roles: method security through {@link Can} (each capability is
 * also a granted authority of its name), and ownership checks through {@link Caller#can}.
 * docs/security.md shows this table; a test keeps the two equal.
 *
 * <p>A capability names what it grants; where a role grants it only over its own things (a
 * customer's own tickets, a department's own steps), the service narrows it, and the description
 * says so.
 */
public enum Capability {
  // Tickets
  OPEN_TICKETS("open a ticket (a customer: for themself)", AGENT, SUPERVISOR, CUSTOMER),
  OPEN_TICKETS_FOR_ANY_CUSTOMER("open a ticket for any customer", AGENT, SUPERVISOR),
  READ_TICKETS(
      "read tickets and comment on them (narrowed by the SEE_ capabilities)",
      CUSTOMER,
      AGENT,
      SUPERVISOR,
      ADMIN,
      SYSTEM,
      DEPARTMENT),
  SEE_ALL_TICKETS(
      "see every ticket, and its internal notes (a system: with the tickets:read-all scope)",
      AGENT,
      SUPERVISOR,
      ADMIN),
  SEE_SYSTEM_TICKETS("see the tickets their own system opened, and their internal notes", SYSTEM),
  SEE_DEPARTMENT_TICKETS("see the tickets routed to their own department", DEPARTMENT),
  SEE_OWN_TICKETS("see their own tickets, without internal notes", CUSTOMER),
  WORK_TICKETS(
      "move tickets along: wait for the customer, resume, reclassify, transfer, resolve, merge",
      AGENT,
      SUPERVISOR),
  ANSWER_RESOLUTIONS(
      "confirm, reject, cancel or rate a ticket (a customer: their own)",
      CUSTOMER,
      AGENT,
      SUPERVISOR),
  READ_SLA_POLICY("read the SLA policy and its versions", AGENT, SUPERVISOR, ADMIN, DEPARTMENT),
  USE_TMF621(
      "open, read, comment on, confirm, reopen and cancel tickets through the TMF621 Trouble"
          + " Ticket API and register its listeners (granted by the tmf621 scope)"),
  READ_CATEGORIES(
      "read the ticket categories", CUSTOMER, AGENT, SUPERVISOR, ADMIN, SYSTEM, DEPARTMENT),
  // Customers
  READ_CUSTOMERS(
      "read a customer record (narrowed: a customer their own, a department while it holds a step)",
      CUSTOMER,
      AGENT,
      SUPERVISOR,
      ADMIN,
      SYSTEM,
      DEPARTMENT),
  SEE_ALL_CUSTOMERS("see every customer record in full", AGENT, SUPERVISOR, ADMIN, SYSTEM),
  MANAGE_CUSTOMERS(
      "register, search and edit customers, read their overview and the tier policy",
      AGENT,
      SUPERVISOR,
      ADMIN),
  RECORD_CONTACTS("record a contact with a customer", AGENT, SUPERVISOR),
  READ_CONTACT_HISTORY(
      "read a customer's contact history (a department: while it holds a step)",
      AGENT,
      SUPERVISOR,
      ADMIN,
      SYSTEM,
      DEPARTMENT),
  // Work orders and routing
  READ_WORK_ORDERS(
      "read work orders and queues (a department: its own steps)",
      AGENT,
      SUPERVISOR,
      ADMIN,
      SYSTEM,
      DEPARTMENT),
  SEE_ALL_QUEUES("see every department's queue", AGENT, SUPERVISOR, ADMIN, SYSTEM),
  WORK_DEPARTMENT_STEPS(
      "claim, start, complete, return and transfer steps (a department: its own)",
      DEPARTMENT,
      SUPERVISOR),
  MOVE_ANY_STEP("move any department's step", SUPERVISOR),
  READ_ROUTING("read and try the routing rules", AGENT, SUPERVISOR, ADMIN),
  READ_DEPARTMENTS("read the departments", AGENT, DEPARTMENT, SUPERVISOR, ADMIN, SYSTEM),
  READ_FLOWS("read the flow templates", AGENT, SUPERVISOR, ADMIN, SYSTEM),
  // Notifications
  READ_NOTIFICATIONS(
      "read sent notifications (a customer: their own)", CUSTOMER, AGENT, SUPERVISOR, ADMIN),
  SEE_ALL_NOTIFICATIONS("read every customer's notifications", AGENT, SUPERVISOR, ADMIN),
  READ_FEED("read their own feed", CUSTOMER, AGENT, DEPARTMENT, SUPERVISOR, ADMIN),
  SET_STAFF_PREFERENCES(
      "set their own channels, digest and quiet hours", AGENT, DEPARTMENT, SUPERVISOR, ADMIN),
  MANAGE_WEBHOOKS(
      "subscribe to events by webhook and follow the deliveries (a system: with the webhooks"
          + " scope)",
      ADMIN),
  // Analytics
  READ_KPIS(
      "read KPIs, the backlog, the ranking, alerts, customers at risk and targets",
      AGENT,
      SUPERVISOR,
      ADMIN),
  READ_DEPARTMENT_KPIS(
      "read a department's scorecard and wallboard (a department: its own)",
      AGENT,
      SUPERVISOR,
      ADMIN,
      DEPARTMENT),
  // Supervision and administration
  SUPERVISE(
      "acknowledge alerts, read notification templates, configuration history, the analytics"
          + " rebuild and stuck work, and replay stuck work",
      SUPERVISOR,
      ADMIN),
  EDIT_CONFIGURATION(
      "change routing rules, flows, departments, categories, SLA policies, the tier policy,"
          + " notification templates and KPI targets",
      ADMIN),
  REBUILD_ANALYTICS("recompute every KPI from the event history", ADMIN);

  private final String description;
  private final Set<Role> roles;

  Capability(String description, Role first, Role... more) {
    this.description = description;
    this.roles = EnumSet.of(first, more);
  }

  /** A capability no role grants: a {@link Scope} of a system's token does. */
  Capability(String description) {
    this.description = description;
    this.roles = EnumSet.noneOf(Role.class);
  }

  public String description() {
    return description;
  }

  /** The roles that grant it. */
  public Set<Role> roles() {
    return EnumSet.copyOf(roles);
  }

  public boolean grantedToAny(Collection<Role> held) {
    return held.stream().anyMatch(roles::contains);
  }

  /** Everything the roles grant together. */
  public static Set<Capability> grantedTo(Collection<Role> held) {
    return grantedTo(held, Set.of());
  }

  /**
   * Everything the roles grant together, and what the token's scopes grant when one of the roles is
   * SYSTEM (scopes are how another system is given more than the role's defaults).
   */
  public static Set<Capability> grantedTo(Collection<Role> held, Collection<Scope> scopes) {
    Set<Capability> granted = EnumSet.noneOf(Capability.class);
    for (Capability capability : values()) {
      if (capability.grantedToAny(held)) {
        granted.add(capability);
      }
    }
    if (held.contains(SYSTEM)) {
      scopes.forEach(scope -> granted.addAll(scope.grants()));
    }
    return granted;
  }
}
