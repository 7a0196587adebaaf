package io.crossdesk.customer.profile.domain;

/** What the desk knows about a customer it is about to register. */
public record NewCustomer(
    String name, CustomerType type, Tier tier, PhoneNumber phone, EmailAddress email) {}
