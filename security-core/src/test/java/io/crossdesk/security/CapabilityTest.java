package io.crossdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** The access vocabulary: one table, the same in the code, in method security and in the docs. */
class CapabilityTest {

  private static final Path SECURITY_DOC = Path.of("..", "docs", "security.md");

  @Test
  void every_capability_has_its_method_security_expression_and_nothing_else_does()
      throws IllegalAccessException {
    Map<String, String> expressions = new TreeMap<>();
    for (Field field : Can.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        expressions.put(field.getName(), (String) field.get(null));
      }
    }
    Map<String, String> expected = new TreeMap<>();
    for (Capability capability : Capability.values()) {
      expected.put(capability.name(), "hasAuthority('" + capability.name() + "')");
    }
    assertThat(expressions).isEqualTo(expected);
  }

  @Test
  void a_token_carries_its_roles_and_every_capability_they_grant_and_no_other() {
    Jwt jwt =
        Jwt.withTokenValue("t")
            .header("alg", "RS256")
            .subject("b-1")
            .claim("roles", List.of("DEPARTMENT", "NOT_A_ROLE"))
            .claim("department", "billing")
            .build();

    List<String> authorities =
        Caller.of(jwt).authorities().stream().map(GrantedAuthority::getAuthority).toList();

    assertThat(authorities).contains("ROLE_DEPARTMENT", "WORK_DEPARTMENT_STEPS", "READ_TICKETS");
    assertThat(authorities)
        .doesNotContain(
            "ROLE_NOT_A_ROLE",
            "SEE_ALL_TICKETS",
            "MOVE_ANY_STEP",
            "EDIT_CONFIGURATION",
            "READ_KPIS");
    assertThat(Caller.of(jwt).can(Capability.SEE_DEPARTMENT_TICKETS)).isTrue();
    assertThat(Caller.of(jwt).can(Capability.SEE_ALL_QUEUES)).isFalse();
  }

  @Test
  void department_staff_are_narrowed_to_their_own_department_and_the_desk_to_the_one_it_asks_for() {
    Caller billing = new Caller("b-1", EnumSet.of(Role.DEPARTMENT), "billing", null);
    Caller supervisor = new Caller("s-1", EnumSet.of(Role.SUPERVISOR), null, null);

    assertThat(billing.departmentAsked(null, Capability.READ_KPIS)).isEqualTo("billing");
    assertThat(billing.departmentAsked("billing", Capability.READ_KPIS)).isEqualTo("billing");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> billing.departmentAsked("network-ops", Capability.READ_KPIS))
        .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    assertThat(supervisor.departmentAsked("network-ops", Capability.READ_KPIS))
        .isEqualTo("network-ops");
    assertThat(supervisor.departmentAsked(null, Capability.READ_KPIS)).isNull();
  }

  @Test
  void only_admin_changes_configuration_and_every_role_can_do_something() {
    assertThat(Capability.EDIT_CONFIGURATION.roles()).containsExactly(Role.ADMIN);
    for (Role role : Role.values()) {
      assertThat(Capability.grantedTo(EnumSet.of(role))).as(role.name()).isNotEmpty();
    }
  }

  @Test
  void docs_show_the_role_by_capability_table_as_the_code_grants_it() throws IOException {
    assertThat(Files.readString(SECURITY_DOC)).contains(table());
  }

  @Test
  void scopes_add_capabilities_to_a_system_token_only() {
    Jwt system = token("crm", List.of("SYSTEM"), "openid tmf621 not-a-scope");
    Jwt customer = token("C-1", List.of("CUSTOMER"), "tmf621 tickets:read-all");

    assertThat(Caller.of(system).scopes()).containsExactly(Scope.TMF621);
    assertThat(Caller.of(system).can(Capability.USE_TMF621)).isTrue();
    assertThat(Caller.of(system).can(Capability.SEE_ALL_TICKETS)).isFalse();
    assertThat(Caller.of(system).can(Capability.SEE_SYSTEM_TICKETS)).isTrue();
    assertThat(Caller.of(system).authorities())
        .extracting(GrantedAuthority::getAuthority)
        .contains("USE_TMF621", "SEE_SYSTEM_TICKETS")
        .doesNotContain("SEE_ALL_TICKETS");
    assertThat(Caller.of(customer).can(Capability.USE_TMF621)).isFalse();
    assertThat(Caller.of(customer).can(Capability.SEE_ALL_TICKETS)).isFalse();
    assertThat(Caller.of(customer).authorities())
        .extracting(GrantedAuthority::getAuthority)
        .doesNotContain("USE_TMF621", "SEE_ALL_TICKETS");
    assertThat(
            Caller.of(token("crm", List.of("SYSTEM"), List.of("tickets:read-all")))
                .can(Capability.SEE_ALL_TICKETS))
        .isTrue();
  }

  @Test
  void docs_list_every_scope_and_what_it_grants() throws IOException {
    String doc = Files.readString(SECURITY_DOC);
    for (Scope scope : Scope.values()) {
      String grants =
          scope.grants().stream()
              .map(capability -> "`" + capability.name() + "`")
              .collect(Collectors.joining(", "));
      assertThat(doc).contains("| `" + scope.value() + "` | " + grants + " |");
    }
  }

  private static Jwt token(String subject, List<String> roles, Object scope) {
    return Jwt.withTokenValue("t")
        .header("alg", "RS256")
        .subject(subject)
        .claim("roles", roles)
        .claim("scope", scope)
        .build();
  }

  /** The table docs/security.md shows: one row per capability, one column per role. */
  static String table() {
    StringBuilder table = new StringBuilder("| capability | may |");
    for (Role role : Role.values()) {
      table.append(' ').append(role.name()).append(" |");
    }
    table.append("\n|---|---|");
    table.append(Arrays.stream(Role.values()).map(role -> "---|").collect(Collectors.joining()));
    for (Capability capability : Capability.values()) {
      table
          .append("\n| `")
          .append(capability.name())
          .append("` | ")
          .append(capability.description())
          .append(" |");
      for (Role role : Role.values()) {
        table.append(capability.roles().contains(role) ? " ✓ |" : "  |");
      }
    }
    return table.append('\n').toString();
  }
}
