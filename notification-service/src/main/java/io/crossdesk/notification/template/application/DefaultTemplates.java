package io.crossdesk.notification.template.application;

import io.crossdesk.notification.template.domain.Channel;
import io.crossdesk.notification.template.domain.MessageKind;
import io.crossdesk.notification.template.domain.MessageTemplate;
import io.crossdesk.notification.template.domain.Origin;
import io.crossdesk.notification.template.domain.TemplateContent;
import io.crossdesk.notification.template.domain.TemplateKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The templates the service ships ({@code templates/defaults.json}), checked like an admin's edit
 * when the service starts: a default that does not pass stops the start.
 */
@Component
public class DefaultTemplates {

  static final String RESOURCE = "templates/defaults.json";
  static final String SHIPPED_BY = "crossdesk";

  private final Map<String, MessageTemplate> byId = new LinkedHashMap<>();

  DefaultTemplates(JsonMapper json) {
    try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
      for (Shipped shipped : json.readValue(in, Shipped[].class)) {
        MessageTemplate template = shipped.toTemplate();
        if (byId.putIfAbsent(template.key().id(), template) != null) {
          throw new IllegalStateException("two defaults for " + template.key().id());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  public Optional<MessageTemplate> find(TemplateKey key) {
    return Optional.ofNullable(byId.get(key.id()));
  }

  public List<MessageTemplate> all() {
    return List.copyOf(byId.values());
  }

  record Shipped(String kind, String channel, String locale, String subject, String body) {

    MessageTemplate toTemplate() {
      MessageKind messageKind =
          MessageKind.byId(kind).orElseThrow(() -> new IllegalStateException("no kind " + kind));
      Channel messageChannel = Channel.valueOf(channel);
      return new MessageTemplate(
          new TemplateKey(messageKind, messageChannel, locale),
          TemplateContent.of(messageKind, messageChannel, subject, body),
          1,
          Origin.DEFAULT,
          SHIPPED_BY,
          Instant.EPOCH);
    }
  }
}
