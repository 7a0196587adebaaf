package io.crossdesk.contracts.workorder;

/**
 * Public inbound contract: a department system reports the outcome of a work-order step, on
 * crossdesk.workorder-results. Key: workOrderId.
 *
 * @param outcome DONE completes the step, RETURNED sends it back to the step before it
 * @param notes what was done, or why it is returned (required for RETURNED)
 * @param resolution for the resolving step of a complaint: the summary the customer reads
 * @param rootCause for the resolving step of a complaint: NETWORK, BILLING, SERVICE, PRODUCT,
 *     CUSTOMER_SIDE or OTHER
 */
public record StepResult(
    String workOrderId,
    String stepId,
    String outcome,
    String notes,
    String performedBy,
    String resolution,
    String rootCause) {}
