package io.crossdesk.contracts.customer;

import java.time.Instant;

/** A customer was registered. Key and subject: customerId. */
public record CustomerRegistered(
    String customerId,
    String name,
    String type,
    String tier,
    String phone,
    String email,
    Instant registeredAt) {}
