package io.crossdesk.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, as their validated token says.
 *
 * @param scopes the known scopes of the token's {@code scope} claim; they add capabilities to a
 *     SYSTEM caller's ({@link Scope})
 */
public record Caller(
    String subject, Set<Role> roles, Set<Scope> scopes, String department, String customerId) {

  public Caller {
    roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    scopes = scopes.isEmpty() ? EnumSet.noneOf(Scope.class) : EnumSet.copyOf(scopes);
  }

  /** A caller whose token carries no scope. */
  public Caller(String subject, Set<Role> roles, String department, String customerId) {
    this(subject, roles, Set.of(), department, customerId);
  }

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
        scopesOf(jwt),
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
    for (Capability capability : Capability.grantedTo(roles, scopes)) {
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

  /** Whether some role of the caller, or a scope of a SYSTEM caller, grants {@code capability}. */
  public boolean can(Capability capability) {
    return capability.grantedToAny(roles)
        || (roles.contains(Role.SYSTEM)
            && scopes.stream().anyMatch(scope -> scope.grants().contains(capability)));
  }

  /** The {@code scope} claim: a space-separated string (RFC 9068), or a list of strings. */
  private static Set<Scope> scopesOf(Jwt jwt) {
    Object claim = jwt.getClaims().get("scope");
    if (claim instanceof String text) {
      return Scope.of(List.of(text.trim().split("\\s+")));
    }
    if (claim instanceof java.util.Collection<?> values) {
      return Scope.of(values.stream().map(String::valueOf).toList());
    }
    return Set.of();
  }
}
