package io.crossdesk.customer.profile.domain;

/** One customer detail that is wrong, and why. */
public record FieldProblem(String field, String message) {}
