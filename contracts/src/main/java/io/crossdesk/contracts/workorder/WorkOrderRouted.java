package io.crossdesk.contracts.workorder;

import java.time.Instant;
import java.util.Map;

/**
 * A step of a work order became ready in the queue of the department that must act; the first ready
 * steps of a new work order announce it. Key and subject: workOrderId. {@code ticketOpenedAt} and
 * everything from {@code stepId} on were added within v1 and may be absent in older events.
 *
 * @param departmentName the department's customer-friendly name, for the customer's timeline
 * @param expectedCompletion when the whole work order is expected to be done, as predicted now
 * @param round 1 for the ticket's first work order, 2 after its first reopening, and so on
 * @param needsCustomerContact whether the step must reach the customer (an installation, a
 *     call-back); absent, consumers decide by department
 * @param departmentNames the department's customer-friendly name per locale ({@code zh-CN}, {@code
 *     en-US}), for messages in the customer's language; {@code departmentName} is the en-US one
 */
public record WorkOrderRouted(
    String workOrderId,
    String ticketId,
    String customerId,
    String category,
    String department,
    String routingRule,
    Instant routedAt,
    Instant ticketOpenedAt,
    String stepId,
    String stepName,
    String stepKind,
    String departmentName,
    Instant dueAt,
    Instant expectedCompletion,
    Integer round,
    Boolean needsCustomerContact,
    Map<String, String> departmentNames,
    String ticketNumber,
    String ticketTitle,
    String customerTier,
    String priority) {

  public WorkOrderRouted {
    departmentNames = departmentNames == null ? null : Map.copyOf(departmentNames);
  }
}
