package io.crossdesk.contracts.customer;

import java.time.Instant;

/**
 * A customer's tier changed. Key and subject: customerId.
 *
 * @param revision the customer's revision after the change (the same as the CustomerUpdated
 *     published with it)
 * @param basis POLICY when the tier policy decided it, MANUAL for an override
 * @param policyVersion the tier policy in force when the tier changed
 */
public record CustomerTierChanged(
    String customerId,
    long revision,
    String from,
    String to,
    String reason,
    String basis,
    int policyVersion,
    String changedBy,
    Instant changedAt) {}
