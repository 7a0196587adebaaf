package io.crossdesk.notification.template.domain;

/** What is wrong with one field of a template. */
public record TemplateProblem(String field, String message) {}
