package io.crossdesk.workorder.routing.domain;

import static io.crossdesk.workorder.department.domain.StandardDepartments.ACCOUNT_MANAGEMENT;
import static io.crossdesk.workorder.department.domain.StandardDepartments.BILLING;
import static io.crossdesk.workorder.department.domain.StandardDepartments.FIELD_SERVICE;
import static io.crossdesk.workorder.department.domain.StandardDepartments.NETWORK_OPS;
import static io.crossdesk.workorder.department.domain.StandardDepartments.SERVICE_CENTER;
import static io.crossdesk.workorder.flow.domain.StandardFlows.complaintFlowOf;

import io.crossdesk.workorder.flow.domain.StandardFlows;
import java.util.List;
import java.util.Set;

/**
 * The rules a new installation starts with. Complaints go to the department they are about; faults
 * are repaired on site and verified; disputed charges go to billing; enterprise lines are
 * provisioned; everything else (tariffs, promotions, ...) is handled by the service center.
 */
public final class StandardRoutingRules {

  private static final Set<String> NETWORK = Set.of("NETWORK", "OUTAGE", "SIGNAL");
  private static final Set<String> MONEY = Set.of("BILLING", "CHARGE_DISPUTE", "REFUND");
  private static final Set<String> ON_SITE = Set.of("INSTALLATION", "EQUIPMENT", "REPAIR");
  private static final List<String> NETWORK_WORDS =
      List.of("no signal", "outage", "network down", "信号", "断网", "网络故障");
  private static final List<String> MONEY_WORDS =
      List.of("overcharged", "wrong charge", "refund", "扣费", "乱收费", "账单", "退款");
  private static final List<String> LINE_WORDS =
      List.of("enterprise line", "dedicated line", "leased line", "专线");

  public static final RoutingRule DEFAULT =
      new RoutingRule(
          RoutingRule.DEFAULT_ID,
          1000,
          RoutingConditions.ANY,
          StandardFlows.SERVICE_REQUEST,
          null,
          "Everything no other rule claims, e.g. tariff and promotion questions");

  /** In seeding order: the default last, so that its presence means the seed is complete. */
  public static final List<RoutingRule> ALL =
      List.of(
          complaint("complaint-network", 10, NETWORK, List.of(), NETWORK_OPS),
          complaint("complaint-network-words", 11, Set.of(), NETWORK_WORDS, NETWORK_OPS),
          complaint("complaint-billing", 12, MONEY, List.of(), BILLING),
          complaint("complaint-billing-words", 13, Set.of(), MONEY_WORDS, BILLING),
          complaint("complaint-field", 14, ON_SITE, List.of(), FIELD_SERVICE),
          new RoutingRule(
              "complaint-account",
              15,
              conditions(Set.of("COMPLAINT"), Set.of(), List.of(), Set.of("ACCOUNT_MANAGER")),
              complaintFlowOf(ACCOUNT_MANAGEMENT),
              null,
              "Complaints raised with an account manager"),
          new RoutingRule(
              "complaint-other",
              19,
              conditions(Set.of("COMPLAINT"), Set.of(), List.of(), Set.of()),
              complaintFlowOf(SERVICE_CENTER),
              null,
              "Every other complaint"),
          new RoutingRule(
              "enterprise-line",
              20,
              conditions(Set.of(), Set.of("ENTERPRISE_LINE"), List.of(), Set.of()),
              StandardFlows.ENTERPRISE_LINE,
              null,
              "Enterprise line orders"),
          new RoutingRule(
              "enterprise-line-words",
              21,
              conditions(Set.of("SERVICE_REQUEST"), Set.of(), LINE_WORDS, Set.of()),
              StandardFlows.ENTERPRISE_LINE,
              null,
              "Service requests that ask for an enterprise line"),
          new RoutingRule(
              "tier-a-outage",
              30,
              new RoutingConditions(
                  Set.of(), Set.of("OUTAGE"), List.of(), Set.of("A"), Set.of(), Set.of()),
              StandardFlows.FAULT_REPAIR,
              PriorityChange.URGENT,
              "Outages of tier-A customers are urgent"),
          new RoutingRule(
              "network-faults",
              31,
              conditions(Set.of(), NETWORK, List.of(), Set.of()),
              StandardFlows.FAULT_REPAIR,
              null,
              "Network faults, outages and signal problems"),
          new RoutingRule(
              "fault-words",
              32,
              conditions(Set.of("FAULT"), Set.of(), NETWORK_WORDS, Set.of()),
              StandardFlows.FAULT_REPAIR,
              null,
              "Faults described as network problems"),
          new RoutingRule(
              "billing-disputes",
              40,
              conditions(Set.of(), MONEY, List.of(), Set.of()),
              StandardFlows.BILLING_DISPUTE,
              null,
              "Bills, disputed charges and refunds"),
          new RoutingRule(
              "field-work",
              50,
              conditions(Set.of(), ON_SITE, List.of(), Set.of()),
              StandardFlows.FIELD_VISIT,
              null,
              "Installation, equipment and repairs on site"),
          DEFAULT);

  private StandardRoutingRules() {}

  private static RoutingRule complaint(
      String id, int order, Set<String> categories, List<String> keywords, String department) {
    return new RoutingRule(
        id,
        order,
        conditions(Set.of("COMPLAINT"), categories, keywords, Set.of()),
        complaintFlowOf(department),
        null,
        "Complaints about " + department);
  }

  private static RoutingConditions conditions(
      Set<String> types, Set<String> categories, List<String> keywords, Set<String> channels) {
    return new RoutingConditions(types, categories, keywords, Set.of(), Set.of(), channels);
  }
}
