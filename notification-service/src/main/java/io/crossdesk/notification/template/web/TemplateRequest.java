package io.crossdesk.notification.template.web;

/** A template's text as an admin writes it; checked by the domain, which names the field. */
record TemplateRequest(String subject, String body) {}
