package io.crossdesk.workorder.routing.domain;

import java.util.List;
import java.util.Set;

/**
 * The rules a new installation starts with: faults to network operations, money to billing, work on
 * site to field service, and everything else (tariffs, promotions, ...) to the service center.
 */
public final class StandardRoutingRules {

  public static final RoutingRule DEFAULT =
      new RoutingRule(
          RoutingRule.DEFAULT_ID,
          Set.of(),
          Department.SERVICE_CENTER,
          1000,
          "Everything no other rule claims, e.g. tariff and promotion questions");

  /** In seeding order: the default last, so that its presence means the seed is complete. */
  public static final List<RoutingRule> ALL =
      List.of(
          new RoutingRule(
              "network-faults",
              Set.of("NETWORK", "OUTAGE", "SIGNAL"),
              Department.NETWORK_OPS,
              10,
              "Network faults, outages and signal problems"),
          new RoutingRule(
              "billing-disputes",
              Set.of("BILLING", "CHARGE_DISPUTE", "REFUND"),
              Department.BILLING,
              20,
              "Bills, disputed charges and refunds"),
          new RoutingRule(
              "field-work",
              Set.of("INSTALLATION", "EQUIPMENT", "REPAIR"),
              Department.FIELD_SERVICE,
              30,
              "Installation, equipment and repairs on site"),
          DEFAULT);

  private StandardRoutingRules() {}
}
