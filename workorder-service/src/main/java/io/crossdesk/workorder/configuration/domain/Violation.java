package io.crossdesk.workorder.configuration.domain;

/** One thing wrong with a department, flow template or routing rule, and where. */
public record Violation(String field, String message) {}
