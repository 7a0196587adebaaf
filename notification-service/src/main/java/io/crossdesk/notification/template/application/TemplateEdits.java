package io.crossdesk.notification.template.application;

import io.crossdesk.notification.template.domain.MessageTemplate;
import io.crossdesk.notification.template.domain.Origin;
import io.crossdesk.notification.template.domain.StaleTemplateException;
import io.crossdesk.notification.template.domain.TemplateContent;
import io.crossdesk.notification.template.domain.TemplateKey;
import io.crossdesk.notification.template.persistence.TemplateStore;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** What admins do to templates: write one, or return it to the shipped default. */
@Component
public class TemplateEdits {

  private final TemplateStore store;
  private final DefaultTemplates defaults;
  private final TemplateCatalogue catalogue;
  private final Clock clock;

  TemplateEdits(
      TemplateStore store, DefaultTemplates defaults, TemplateCatalogue catalogue, Clock clock) {
    this.store = store;
    this.defaults = defaults;
    this.catalogue = catalogue;
    this.clock = clock;
  }

  /**
   * Checks and stores the template as the next version of {@code expectedVersion}, or as a new
   * template when it is 0. Nothing is stored when the text is refused.
   *
   * @throws io.crossdesk.notification.template.domain.InvalidTemplateException naming the field
   * @throws StaleTemplateException when the stored version is another one
   */
  public MessageTemplate write(
      TemplateKey key, String subject, String body, long expectedVersion, String by) {
    TemplateContent content = TemplateContent.of(key.kind(), key.channel(), subject, body);
    MessageTemplate template =
        new MessageTemplate(key, content, expectedVersion + 1, Origin.EDITED, by, clock.instant());
    store.replace(template, expectedVersion);
    catalogue.invalidate();
    return template;
  }

  /**
   * Returns the template to the shipped default as its next version (so a copy read before stays
   * stale), or removes it when the service ships none for the key.
   *
   * @return the default now in force, if there is one
   */
  public Optional<MessageTemplate> reset(TemplateKey key, String by) {
    Optional<MessageTemplate> shipped = defaults.find(key);
    Optional<MessageTemplate> stored = store.find(key);
    if (shipped.isEmpty()) {
      store.delete(key);
      catalogue.invalidate();
      return Optional.empty();
    }
    long expected = stored.map(MessageTemplate::version).orElse(0L);
    MessageTemplate reset =
        new MessageTemplate(
            key, shipped.get().content(), expected + 1, Origin.DEFAULT, by, clock.instant());
    store.replace(reset, expected);
    catalogue.invalidate();
    return Optional.of(reset);
  }

  public Optional<MessageTemplate> find(TemplateKey key) {
    return store.find(key);
  }
}
