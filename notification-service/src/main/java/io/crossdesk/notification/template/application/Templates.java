package io.crossdesk.notification.template.application;

import io.crossdesk.notification.template.domain.Channel;
import io.crossdesk.notification.template.domain.Locales;
import io.crossdesk.notification.template.domain.MessageKind;
import io.crossdesk.notification.template.domain.MessageTemplate;
import io.crossdesk.notification.template.domain.Rendered;
import io.crossdesk.notification.template.domain.TemplateKey;
import java.util.Map;
import java.util.Optional;

/**
 * The templates in force at one moment, held in memory: rendering a batch of messages from one
 * snapshot reads the store at most once for the whole batch.
 */
public final class Templates {

  private final Map<String, MessageTemplate> stored;
  private final DefaultTemplates defaults;

  Templates(Map<String, MessageTemplate> stored, DefaultTemplates defaults) {
    this.stored = Map.copyOf(stored);
    this.defaults = defaults;
  }

  /**
   * The template for the kind and channel in {@code locale}, or in en-US when there is none in that
   * locale: the stored one, else the built-in default (a store not seeded yet still renders).
   */
  public Optional<MessageTemplate> find(MessageKind kind, Channel channel, String locale) {
    String wanted = Locales.supported(locale).orElse(Locales.EN_US);
    return inLocale(kind, channel, wanted).or(() -> inLocale(kind, channel, Locales.EN_US));
  }

  /**
   * The message rendered from {@link #find}; empty when the kind is not written for the channel.
   */
  public Optional<Rendered> render(
      MessageKind kind, Channel channel, String locale, Map<String, String> values) {
    return find(kind, channel, locale).map(template -> template.render(values));
  }

  private Optional<MessageTemplate> inLocale(MessageKind kind, Channel channel, String locale) {
    TemplateKey key = new TemplateKey(kind, channel, locale);
    return Optional.ofNullable(stored.get(key.id())).or(() -> defaults.find(key));
  }
}
