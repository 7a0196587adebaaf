package io.crossdesk.security;

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
  SYSTEM;

  /** The role of this name, or null for a name no role has. */
  public static Role named(String name) {
    for (Role role : values()) {
      if (role.name().equals(name)) {
        return role;
      }
    }
    return null;
  }

  /** The roles' names, for messages: "CUSTOMER, AGENT, ...". */
  public static String names() {
    return java.util.Arrays.stream(values())
        .map(Enum::name)
        .collect(java.util.stream.Collectors.joining(", "));
  }
}
