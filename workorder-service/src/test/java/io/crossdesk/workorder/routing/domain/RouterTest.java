package io.crossdesk.workorder.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.workorder.flow.domain.StandardFlows;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterTest {

  private final Router router = new Router(StandardRoutingRules.ALL);

  @Test
  void sends_a_network_fault_into_the_fault_repair_flow() {
    RoutingDecision decision = router.route(ticket("FAULT", "NETWORK", "No signal", null, "B"));

    assertThat(decision.rule().id()).isEqualTo("network-faults");
    assertThat(decision.template()).isEqualTo(StandardFlows.FAULT_REPAIR);
    assertThat(decision.priority()).isEqualTo(Priority.NORMAL);
  }

  @Test
  void sends_a_complaint_to_the_department_it_is_about() {
    assertThat(router.route(ticket("COMPLAINT", "BILLING", "Wrong bill", null, "B")).template())
        .isEqualTo("complaint-billing");
    assertThat(router.route(ticket("COMPLAINT", "SIGNAL", "Weak signal", null, "B")).template())
        .isEqualTo("complaint-network-ops");
    assertThat(router.route(ticket("COMPLAINT", "TARIFF", "Rude agent", null, "B")).template())
        .isEqualTo("complaint-service-center");
  }

  @Test
  void finds_chinese_keywords_in_the_title_or_description() {
    RoutingDecision byTitle = router.route(ticket("COMPLAINT", "OTHER", "上个月话费乱收费", null, "B"));
    RoutingDecision byDescription =
        router.route(ticket("COMPLAINT", "OTHER", "投诉", "家里一直断网，打了三次电话", "B"));

    assertThat(byTitle.rule().id()).isEqualTo("complaint-billing-words");
    assertThat(byDescription.rule().id()).isEqualTo("complaint-network-words");
    assertThat(byDescription.template()).isEqualTo("complaint-network-ops");
  }

  @Test
  void finds_english_keywords_whatever_their_case() {
    RoutingDecision decision =
        router.route(
            ticket("SERVICE_REQUEST", "OTHER", "New office", "We need a Dedicated Line", "A"));

    assertThat(decision.rule().id()).isEqualTo("enterprise-line-words");
    assertThat(decision.template()).isEqualTo(StandardFlows.ENTERPRISE_LINE);
  }

  @Test
  void a_keyword_elsewhere_does_not_match() {
    assertThat(router.route(ticket("CONSULTATION", "TARIFF", "Tariff question", null, "B")).rule())
        .isEqualTo(StandardRoutingRules.DEFAULT);
  }

  @Test
  void raises_the_priority_of_a_tier_a_outage() {
    RoutingDecision decision = router.route(ticket("FAULT", "OUTAGE", "Outage", null, "A"));

    assertThat(decision.rule().id()).isEqualTo("tier-a-outage");
    assertThat(decision.priority()).isEqualTo(Priority.URGENT);
    assertThat(router.route(ticket("FAULT", "OUTAGE", "Outage", null, "B")).priority())
        .isEqualTo(Priority.NORMAL);
  }

  @Test
  void every_condition_of_a_rule_must_match() {
    RoutingRule north =
        new RoutingRule(
            "north-hotline",
            5,
            new RoutingConditions(
                Set.of("FAULT"), Set.of(), List.of(), Set.of(), Set.of("north"), Set.of("HOTLINE")),
            "field-visit",
            PriorityChange.RAISE,
            "");
    Router withRegion = new Router(List.of(north, StandardRoutingRules.DEFAULT));
    RoutingRequest fromNorthByHotline =
        new RoutingRequest("FAULT", "X", "t", null, "B", "NORTH", "HOTLINE", Priority.HIGH);
    RoutingRequest fromNorthByWeb =
        new RoutingRequest("FAULT", "X", "t", null, "B", "NORTH", "WEB", Priority.HIGH);

    assertThat(withRegion.route(fromNorthByHotline).priority()).isEqualTo(Priority.URGENT);
    assertThat(withRegion.route(fromNorthByWeb).rule().isDefault()).isTrue();
  }

  @Test
  void takes_the_first_matching_rule_by_order_not_by_list_position() {
    RoutingRule later = rule("later", 50, "field-visit");
    RoutingRule earlier = rule("earlier", 5, "billing-dispute");

    assertThat(new Router(List.of(later, earlier)).route(ticket("FAULT", "REFUND", "t", null, "B")))
        .extracting(decision -> decision.rule().id())
        .isEqualTo("earlier");
  }

  @Test
  void routes_by_the_standard_default_when_no_rules_are_stored() {
    assertThat(new Router(List.of()).route(ticket("FAULT", "NETWORK", "t", null, "B")).template())
        .isEqualTo(StandardFlows.SERVICE_REQUEST);
  }

  private static RoutingRule rule(String id, int order, String template) {
    return new RoutingRule(
        id,
        order,
        new RoutingConditions(Set.of(), Set.of("REFUND"), List.of(), Set.of(), Set.of(), Set.of()),
        template,
        null,
        "");
  }

  private static RoutingRequest ticket(
      String type, String category, String title, String description, String tier) {
    return new RoutingRequest(
        type, category, title, description, tier, null, "HOTLINE", Priority.NORMAL);
  }
}
