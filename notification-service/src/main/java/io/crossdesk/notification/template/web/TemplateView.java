package io.crossdesk.notification.template.web;

import io.crossdesk.notification.template.domain.MessageTemplate;
import java.time.Instant;

/** A template as the API shows it; its version is also the ETag. */
record TemplateView(
    String kind,
    String channel,
    String locale,
    String subject,
    String body,
    long version,
    String origin,
    String updatedBy,
    Instant updatedAt) {

  static TemplateView of(MessageTemplate template) {
    return new TemplateView(
        template.key().kind().id(),
        template.key().channel().name(),
        template.key().locale(),
        template.content().subject(),
        template.content().body(),
        template.version(),
        template.origin().name(),
        template.updatedBy(),
        template.updatedAt());
  }

  static String etagOf(MessageTemplate template) {
    return "\"" + template.version() + "\"";
  }
}
