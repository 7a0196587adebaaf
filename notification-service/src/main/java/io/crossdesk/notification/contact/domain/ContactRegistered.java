package io.crossdesk.notification.contact.domain;

/** Raised inside this service when a contact becomes known, for whoever was waiting for it. */
public record ContactRegistered(Contact contact) {}
