package io.crossdesk.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** Who is calling, as their validated token says. */
public record Caller(String subject, Set<Role> roles, String department, String customerId) {

  public static Caller of(Jwt jwt) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    List<String> claimed = jwt.getClaimAsStringList("roles");
    if (claimed != null) {
      for (String name : claimed) {
        Role role = Role.named(name);
        if (role != null) {
          roles.add(role);
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

  /**
   * What Spring Security checks: ROLE_&lt;NAME&gt; for each role, and for each capability the roles
   * grant an authority of its name, which {@link Can} asks for.
   */
  public List<GrantedAuthority> authorities() {
    List<GrantedAuthority> authorities = new ArrayList<>();
    for (Role role : roles) {
      authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }
    for (Capability capability : Capability.grantedTo(roles)) {
      authorities.add(new SimpleGrantedAuthority(capability.name()));
    }
    return authorities;
  }

  /**
   * The department a request is narrowed to. A caller granted {@code everyDepartment} gets the one
   * asked for (null, none asked: all of them); anyone else gets their own department, and asking
   * for another one is refused.
   *
   * @throws AccessDeniedException when the caller asks for a department not their own
   */
  public String departmentAsked(String asked, Capability everyDepartment) {
    if (can(everyDepartment)) {
      return asked;
    }
    if (asked != null && !asked.equals(department)) {
      throw new AccessDeniedException("not your department");
    }
    return department;
  }

  /** Whether some role of the caller grants {@code capability}. */
  public boolean can(Capability capability) {
    return capability.grantedToAny(roles);
  }
}
