package io.crossdesk.notification.template.domain;

/** A rendered message; the subject is null for channels without one. */
public record Rendered(String subject, String body) {}
