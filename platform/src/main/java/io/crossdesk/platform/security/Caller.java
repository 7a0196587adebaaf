package io.crossdesk.platform.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;

/** Who is calling, as their validated token says. */
public record Caller(String subject, Set<Role> roles, String department, String customerId) {

  public static Caller of(Jwt jwt) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    List<String> claimed = jwt.getClaimAsStringList("roles");
    if (claimed != null) {
      for (String role : claimed) {
        for (Role known : Role.values()) {
          if (known.name().equals(role)) {
            roles.add(known);
          }
        }
      }
    }
    return new Caller(
        jwt.getSubject(),
        roles,
        jwt.getClaimAsString("department"),
        jwt.getClaimAsString("customerId"));
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** Whether some role of the caller grants {@code capability}. */
  public boolean can(Capability capability) {
    return capability.grantedToAny(roles);
  }
}
