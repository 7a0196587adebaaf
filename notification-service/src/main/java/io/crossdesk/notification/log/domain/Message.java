package io.crossdesk.notification.log.domain;

/** A rendered message: what the recipient will read. */
public record Message(String template, String subject, String body) {}
