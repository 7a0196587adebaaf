package io.crossdesk.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * OAuth scopes another system's token may carry (the {@code scope} claim, space-separated), and the
 * capabilities each adds to the SYSTEM role's. Scopes are honoured on SYSTEM tokens only: a
 * person's rights come from their roles alone. docs/security.md lists them; a test keeps the two
 * equal.
 */
public enum Scope {
  TMF621("tmf621", Capability.USE_TMF621),
  READ_ALL_TICKETS("tickets:read-all", Capability.SEE_ALL_TICKETS),
  WEBHOOKS("webhooks", Capability.MANAGE_WEBHOOKS);

  private final String value;
  private final Set<Capability> grants;

  Scope(String value, Capability first, Capability... more) {
    this.value = value;
    this.grants = EnumSet.of(first, more);
  }

  /** As the token writes it. */
  public String value() {
    return value;
  }

  public Set<Capability> grants() {
    return EnumSet.copyOf(grants);
  }

  /** The scope a token's value names, or null for one Crossdesk does not know. */
  public static Scope named(String value) {
    for (Scope scope : values()) {
      if (scope.value.equals(value)) {
        return scope;
      }
    }
    return null;
  }

  /** The known scopes among {@code values}; unknown ones are ignored. */
  public static Set<Scope> of(Collection<String> values) {
    Set<Scope> known = EnumSet.noneOf(Scope.class);
    for (String value : values) {
      Scope scope = named(value);
      if (scope != null) {
        known.add(scope);
      }
    }
    return known;
  }
}
