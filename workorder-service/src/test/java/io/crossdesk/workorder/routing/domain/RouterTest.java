package io.crossdesk.workorder.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterTest {

  private final Router router = new Router(StandardRoutingRules.ALL);

  @Test
  void routes_a_network_fault_to_network_operations() {
    RoutingRule rule = router.route("NETWORK");

    assertThat(rule.department()).isEqualTo(Department.NETWORK_OPS);
    assertThat(rule.id()).isEqualTo("network-faults");
  }

  @Test
  void routes_a_charge_dispute_to_billing() {
    RoutingRule rule = router.route("CHARGE_DISPUTE");

    assertThat(rule.department()).isEqualTo(Department.BILLING);
    assertThat(rule.id()).isEqualTo("billing-disputes");
  }

  @Test
  void routes_a_tariff_question_to_the_service_center_by_the_default_rule() {
    RoutingRule rule = router.route("TARIFF");

    assertThat(rule.department()).isEqualTo(Department.SERVICE_CENTER);
    assertThat(rule.isDefault()).isTrue();
  }

  @Test
  void routes_an_unknown_category_by_the_default_rule() {
    assertThat(router.route("SOMETHING_NEW")).isEqualTo(StandardRoutingRules.DEFAULT);
  }

  @Test
  void routes_installation_work_to_field_service() {
    assertThat(router.route("INSTALLATION").department()).isEqualTo(Department.FIELD_SERVICE);
  }

  @Test
  void matches_categories_whatever_their_case() {
    assertThat(router.route(" outage ").department()).isEqualTo(Department.NETWORK_OPS);
  }

  @Test
  void takes_the_first_matching_rule_by_order_not_by_list_position() {
    RoutingRule later =
        new RoutingRule("refunds-later", Set.of("REFUND"), Department.SERVICE_CENTER, 50, "");
    RoutingRule earlier =
        new RoutingRule("refunds-first", Set.of("REFUND"), Department.ACCOUNT_MANAGEMENT, 5, "");

    RoutingRule rule = new Router(List.of(later, earlier)).route("REFUND");

    assertThat(rule.id()).isEqualTo("refunds-first");
  }

  @Test
  void uses_the_stored_default_rule_when_there_is_one() {
    RoutingRule storedDefault =
        new RoutingRule(RoutingRule.DEFAULT_ID, Set.of(), Department.ACCOUNT_MANAGEMENT, 999, "");

    assertThat(new Router(List.of(storedDefault)).route("TARIFF").department())
        .isEqualTo(Department.ACCOUNT_MANAGEMENT);
  }

  @Test
  void still_routes_to_the_service_center_when_no_rules_are_stored() {
    assertThat(new Router(List.of()).route("NETWORK").department())
        .isEqualTo(Department.SERVICE_CENTER);
  }
}
