package io.crossdesk.contracts.workorder;

import java.time.Instant;

/**
 * A work order was created for a ticket and routed to the department that must act. {@code
 * ticketOpenedAt} (optional, added within v1) lets consumers measure the wait for routing from this
 * event alone. {@code needsCustomerContact} (optional, added within v1) says whether the step needs
 * to reach the customer (an installation, a call-back); absent, consumers decide by department.
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
    Boolean needsCustomerContact) {

  /** As producers wrote it before {@code needsCustomerContact} was added. */
  public WorkOrderRouted(
      String workOrderId,
      String ticketId,
      String customerId,
      String category,
      String department,
      String routingRule,
      Instant routedAt,
      Instant ticketOpenedAt) {
    this(
        workOrderId,
        ticketId,
        customerId,
        category,
        department,
        routingRule,
        routedAt,
        ticketOpenedAt,
        null);
  }
}
