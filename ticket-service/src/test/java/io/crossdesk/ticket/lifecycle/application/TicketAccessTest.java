package io.crossdesk.ticket.lifecycle.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossdesk.security.Caller;
import io.crossdesk.security.Role;
import io.crossdesk.security.Scope;
import io.crossdesk.ticket.lifecycle.domain.Origin;
import io.crossdesk.ticket.lifecycle.domain.Ticket;
import io.crossdesk.ticket.lifecycle.domain.TicketFilter;
import io.crossdesk.ticket.lifecycle.domain.TicketFixtures;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.security.access.AccessDeniedException;

class TicketAccessTest {

  private static final Instant NOW = Instant.parse("2026-12-01T09:15:00Z");
  private static final TicketFilter ANY = TicketFilter.any();

  private static Caller caller(Set<Role> roles, String department, String customerId) {
    return new Caller("someone", roles, department, customerId);
  }

  private static Ticket ticketOf(String customerId) {
    return TicketFixtures.opened(customerId, NOW);
  }

  private static Ticket routed(String customerId, String department) {
    return ticketOf(customerId).routeTo("wo-1", department, null, NOW, "ev-1");
  }

  @ParameterizedTest
  @EnumSource(
      value = Role.class,
      names = {"AGENT", "SUPERVISOR", "ADMIN"})
  void staff_see_every_ticket_whatever_else_their_token_says(Role staff) {
    TicketAccess access =
        TicketAccess.of(caller(EnumSet.of(staff, Role.CUSTOMER), "billing", "cust-1"));

    assertThat(access.canSee(ticketOf("cust-2"))).isTrue();
    assertThat(access.canSee(routed("cust-2", "network-ops"))).isTrue();
    assertThat(access.restrict(ANY)).contains(ANY);
  }

  @Test
  void a_system_sees_only_the_tickets_it_opened_unless_its_token_grants_every_ticket() {
    Ticket fromCrm = TicketFixtures.opened("cust-1", Origin.system("crm", "CRM-1"), NOW);
    Ticket fromBilling = TicketFixtures.opened("cust-1", Origin.system("billing-sys", "B-1"), NOW);
    TicketAccess crm = TicketAccess.of(new Caller("crm", EnumSet.of(Role.SYSTEM), null, null));

    assertThat(crm.canSee(fromCrm)).isTrue();
    assertThat(crm.canSee(fromBilling)).isFalse();
    assertThat(crm.canSee(ticketOf("cust-1"))).isFalse();
    assertThat(crm.isStaff()).isTrue();
    assertThat(crm.restrict(ANY)).contains(ANY.forSourceSystem("crm"));
    assertThat(crm.restrict(ANY.forSourceSystem("billing-sys"))).isEmpty();

    TicketAccess everyTicket =
        TicketAccess.of(
            new Caller(
                "crm", EnumSet.of(Role.SYSTEM), EnumSet.of(Scope.READ_ALL_TICKETS), null, null));
    assertThat(everyTicket.canSee(fromBilling)).isTrue();
    assertThat(everyTicket.restrict(ANY)).contains(ANY);
  }

  @Test
  void department_staff_see_only_tickets_routed_to_their_department() {
    TicketAccess access = TicketAccess.of(caller(EnumSet.of(Role.DEPARTMENT), "network-ops", null));

    assertThat(access.canSee(routed("cust-1", "network-ops"))).isTrue();
    assertThat(access.canSee(routed("cust-1", "billing"))).isFalse();
    assertThat(access.canSee(ticketOf("cust-1"))).isFalse();
  }

  @Test
  void department_staff_always_list_their_own_department() {
    TicketAccess access = TicketAccess.of(caller(EnumSet.of(Role.DEPARTMENT), "billing", null));

    assertThat(access.restrict(TicketFilter.any().forCustomer("cust-1")))
        .contains(TicketFilter.any().forCustomer("cust-1").forDepartment("billing"));
  }

  @Test
  void a_customer_role_beside_a_department_role_widens_nothing() {
    TicketAccess access =
        TicketAccess.of(caller(EnumSet.of(Role.CUSTOMER, Role.DEPARTMENT), "billing", "cust-1"));

    assertThat(access.canSee(ticketOf("cust-1"))).isFalse();
    assertThat(access.canSee(routed("cust-2", "billing"))).isTrue();
    assertThat(access.canSee(routed("cust-2", "field-service"))).isFalse();
  }

  @Test
  void a_customer_sees_only_their_own_tickets() {
    TicketAccess access = TicketAccess.of(caller(EnumSet.of(Role.CUSTOMER), null, "cust-1"));

    assertThat(access.canSee(ticketOf("cust-1"))).isTrue();
    assertThat(access.canSee(routed("cust-1", "service-center"))).isTrue();
    assertThat(access.canSee(ticketOf("cust-2"))).isFalse();
    assertThat(access.restrict(ANY)).contains(TicketFilter.any().forCustomer("cust-1"));
    assertThat(access.restrict(TicketFilter.any().forCustomer("cust-2"))).isEmpty();
  }

  @Test
  void a_department_or_customer_token_without_its_claim_is_refused() {
    assertThatThrownBy(() -> TicketAccess.of(caller(EnumSet.of(Role.DEPARTMENT), null, null)))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> TicketAccess.of(caller(EnumSet.of(Role.DEPARTMENT), " ", "cust-1")))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> TicketAccess.of(caller(EnumSet.of(Role.CUSTOMER), null, null)))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void a_token_without_a_role_that_may_see_tickets_is_refused() {
    assertThatThrownBy(() -> TicketAccess.of(caller(EnumSet.noneOf(Role.class), "billing", "c")))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void the_desk_opens_tickets_for_any_customer_and_a_customer_only_for_themself() {
    assertThatCode(
            () -> TicketAccess.checkMayOpenFor(caller(EnumSet.of(Role.AGENT), null, null), "c-2"))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                TicketAccess.checkMayOpenFor(
                    caller(EnumSet.of(Role.SUPERVISOR), null, null), "c-2"))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                TicketAccess.checkMayOpenFor(caller(EnumSet.of(Role.CUSTOMER), null, "c-1"), "c-1"))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () ->
                TicketAccess.checkMayOpenFor(caller(EnumSet.of(Role.CUSTOMER), null, "c-1"), "c-2"))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void a_customer_role_beside_another_role_opens_only_for_themself() {
    assertThatThrownBy(
            () ->
                TicketAccess.checkMayOpenFor(
                    caller(EnumSet.of(Role.CUSTOMER, Role.DEPARTMENT), "billing", "c-1"), "c-2"))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(
            () ->
                TicketAccess.checkMayOpenFor(
                    caller(EnumSet.of(Role.CUSTOMER, Role.ADMIN), null, "c-1"), "c-2"))
        .isInstanceOf(AccessDeniedException.class);
  }
}
