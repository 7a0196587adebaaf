package io.crossdesk.notification.template.persistence;

import io.crossdesk.notification.template.domain.Channel;
import io.crossdesk.notification.template.domain.MessageKind;
import io.crossdesk.notification.template.domain.MessageTemplate;
import io.crossdesk.notification.template.domain.Origin;
import io.crossdesk.notification.template.domain.TemplateContent;
import io.crossdesk.notification.template.domain.TemplateKey;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A template as stored, keyed {@code <kind>|<channel>|<locale>}. */
@Document(TemplateDocument.COLLECTION)
record TemplateDocument(
    @Id String id,
    String kind,
    String channel,
    String locale,
    String subject,
    String body,
    long version,
    String origin,
    String updatedBy,
    Instant updatedAt) {

  static final String COLLECTION = "notification_templates";

  static TemplateDocument of(MessageTemplate template) {
    TemplateKey key = template.key();
    return new TemplateDocument(
        key.id(),
        key.kind().id(),
        key.channel().name(),
        key.locale(),
        template.content().subject(),
        template.content().body(),
        template.version(),
        template.origin().name(),
        template.updatedBy(),
        template.updatedAt());
  }

  /**
   * The template, checked again as it is read: a document written by an older release or by hand
   * that no longer passes is left out by the callers rather than rendered.
   */
  MessageTemplate toTemplate() {
    MessageKind messageKind =
        MessageKind.byId(kind).orElseThrow(() -> new IllegalStateException("unknown kind " + kind));
    Channel messageChannel = Channel.valueOf(channel);
    return new MessageTemplate(
        new TemplateKey(messageKind, messageChannel, locale),
        TemplateContent.of(messageKind, messageChannel, subject, body),
        version,
        Origin.valueOf(origin),
        updatedBy,
        updatedAt);
  }
}
