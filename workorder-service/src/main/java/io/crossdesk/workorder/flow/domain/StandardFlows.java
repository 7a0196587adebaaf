package io.crossdesk.workorder.flow.domain;

import static io.crossdesk.workorder.department.domain.StandardDepartments.ACCOUNT_MANAGEMENT;
import static io.crossdesk.workorder.department.domain.StandardDepartments.BILLING;
import static io.crossdesk.workorder.department.domain.StandardDepartments.FIELD_SERVICE;
import static io.crossdesk.workorder.department.domain.StandardDepartments.NETWORK_OPS;
import static io.crossdesk.workorder.department.domain.StandardDepartments.NETWORK_PLANNING;
import static io.crossdesk.workorder.department.domain.StandardDepartments.SERVICE_CENTER;

import java.util.ArrayList;
import java.util.List;

/** The flows a new installation starts with, each at version 1. */
public final class StandardFlows {

  public static final String FAULT_REPAIR = "fault-repair";
  public static final String BILLING_DISPUTE = "billing-dispute";
  public static final String ENTERPRISE_LINE = "enterprise-line";
  public static final String FIELD_VISIT = "field-visit";
  public static final String SERVICE_REQUEST = "service-request";

  /** The departments that handle complaints, each with its own complaint flow. */
  public static final List<String> COMPLAINT_DEPARTMENTS =
      List.of(NETWORK_OPS, BILLING, SERVICE_CENTER, FIELD_SERVICE, ACCOUNT_MANAGEMENT);

  /** The customer is called back within three days of the resolution, on the wall clock. */
  private static final Ola CALL_BACK = Ola.elapsedDays(3);

  public static final List<FlowTemplate> ALL = all();

  private StandardFlows() {}

  public static String complaintFlowOf(String department) {
    return "complaint-" + department;
  }

  private static List<FlowTemplate> all() {
    List<FlowTemplate> flows = new ArrayList<>();
    for (String department : COMPLAINT_DEPARTMENTS) {
      flows.add(
          flow(
              complaintFlowOf(department),
              "Complaint handled by " + department,
              step("resolve", "Resolve the complaint", StepKind.TASK, department, 16).resolving(),
              callBack("resolve")));
    }
    flows.add(
        flow(
            FAULT_REPAIR,
            "Fault repair",
            step("repair", "Repair on site", StepKind.TASK, FIELD_SERVICE, 8),
            step("verification", "Verify the service", StepKind.TASK, NETWORK_OPS, 4)
                .after("repair"),
            callBack("verification")));
    flows.add(
        flow(
            BILLING_DISPUTE,
            "Billing dispute",
            step("investigation", "Investigate the charge", StepKind.TASK, BILLING, 16),
            step("refund-approval", "Approve the refund", StepKind.APPROVAL, BILLING, 8)
                .after("investigation")
                .onlyIf("REFUND"),
            callBack("refund-approval")));
    flows.add(
        flow(
            ENTERPRISE_LINE,
            "Enterprise line provisioning",
            step("requirements", "Collect requirements", StepKind.TASK, ACCOUNT_MANAGEMENT, 16),
            step("resources", "Confirm resources", StepKind.TASK, NETWORK_PLANNING, 24)
                .after("requirements"),
            // The contract is drawn up while the network is checked: both need only the
            // requirements, and installation needs both.
            step("contract", "Sign the contract", StepKind.TASK, ACCOUNT_MANAGEMENT, 24)
                .after("requirements"),
            step("installation", "Install the equipment", StepKind.TASK, FIELD_SERVICE, 24)
                .after("resources", "contract"),
            step("activation", "Activate the service", StepKind.TASK, NETWORK_OPS, 8)
                .after("installation"),
            step(
                    "acceptance",
                    "Customer acceptance",
                    StepKind.CUSTOMER_ACCEPTANCE,
                    SERVICE_CENTER,
                    16)
                .after("activation"),
            step("complaint", "Handle the customer's complaint", StepKind.TASK, SERVICE_CENTER, 16)
                .after("acceptance")
                .onlyIf("COMPLAINT")
                .resolving(),
            step("settlement", "Settle billing", StepKind.TASK, BILLING, 16)
                .after("acceptance", "complaint")));
    flows.add(
        flow(
            FIELD_VISIT,
            "Work on site",
            step("visit", "Visit the customer", StepKind.TASK, FIELD_SERVICE, 16)));
    flows.add(
        flow(
            SERVICE_REQUEST,
            "Request handled by the service center",
            step("handle", "Handle the request", StepKind.TASK, SERVICE_CENTER, 8)));
    return List.copyOf(flows);
  }

  private static FlowTemplate flow(String id, String name, Draft... steps) {
    List<StepTemplate> built = new ArrayList<>();
    for (Draft draft : steps) {
      built.add(draft.build());
    }
    return new FlowTemplate(id, 1, name, "", built);
  }

  private static Draft callBack(String after) {
    Draft draft =
        new Draft("call-back", "Call the customer back", StepKind.FOLLOW_UP, SERVICE_CENTER, 0);
    draft.ola = CALL_BACK;
    return draft.after(after);
  }

  private static Draft step(String id, String name, StepKind kind, String department, int hours) {
    return new Draft(id, name, kind, department, hours);
  }

  /** A step being written down. */
  private static final class Draft {
    private final String id;
    private final String name;
    private final StepKind kind;
    private final String department;
    private Ola ola;
    private List<String> after = List.of();
    private String onlyIfOutcome;
    private boolean resolving;

    Draft(String id, String name, StepKind kind, String department, int hours) {
      this.id = id;
      this.name = name;
      this.kind = kind;
      this.department = department;
      this.ola = hours > 0 ? Ola.businessHours(hours) : null;
    }

    Draft after(String... steps) {
      after = List.of(steps);
      return this;
    }

    Draft onlyIf(String outcome) {
      onlyIfOutcome = outcome;
      return this;
    }

    Draft resolving() {
      resolving = true;
      return this;
    }

    StepTemplate build() {
      return new StepTemplate(id, name, kind, department, ola, after, onlyIfOutcome, resolving);
    }
  }
}
