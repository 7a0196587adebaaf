package io.crossdesk.customer.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.customer.profile.domain.Customer;
import io.crossdesk.customer.profile.domain.CustomerType;
import io.crossdesk.customer.profile.domain.EmailAddress;
import io.crossdesk.customer.profile.domain.NewCustomer;
import io.crossdesk.customer.profile.domain.PhoneNumber;
import io.crossdesk.customer.profile.domain.Tier;
import io.crossdesk.platform.security.Caller;
import io.crossdesk.platform.security.Role;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CustomerVisibilityTest {

  private final Customer customer =
      Customer.register(
          new NewCustomer(
              "Ana Lima",
              CustomerType.INDIVIDUAL,
              Tier.A,
              new PhoneNumber("+351 912-345-678"),
              new EmailAddress("ana.lima@example.org")),
          Instant.parse("2026-03-02T09:15:00Z"),
          "agent-7");

  @ParameterizedTest
  @EnumSource(
      value = Role.class,
      names = {"AGENT", "SUPERVISOR", "ADMIN", "SYSTEM", "DEPARTMENT"})
  void staff_and_systems_see_every_customer(Role role) {
    assertThat(CustomerLookup.maySee(caller(EnumSet.of(role), null), customer)).isTrue();
  }

  @Test
  void a_customer_sees_their_own_record() {
    Caller self = caller(EnumSet.of(Role.CUSTOMER), customer.id().value());

    assertThat(CustomerLookup.maySee(self, customer)).isTrue();
  }

  @Test
  void a_customer_does_not_see_anyone_else() {
    assertThat(CustomerLookup.maySee(caller(EnumSet.of(Role.CUSTOMER), "someone-else"), customer))
        .isFalse();
    assertThat(CustomerLookup.maySee(caller(EnumSet.of(Role.CUSTOMER), null), customer)).isFalse();
  }

  @Test
  void a_token_without_roles_sees_nobody() {
    assertThat(
            CustomerLookup.maySee(
                caller(EnumSet.noneOf(Role.class), customer.id().value()), customer))
        .isFalse();
  }

  private static Caller caller(EnumSet<Role> roles, String customerId) {
    return new Caller("subject", roles, null, customerId);
  }
}
