package io.crossdesk.notification.template.application;

import io.crossdesk.notification.template.domain.InvalidTemplateException;
import io.crossdesk.notification.template.domain.MessageTemplate;
import io.crossdesk.notification.template.domain.Rendered;
import io.crossdesk.notification.template.domain.TemplateContent;
import io.crossdesk.notification.template.domain.TemplateKey;
import io.crossdesk.notification.template.domain.TemplateProblem;
import io.crossdesk.notification.template.persistence.TemplateStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Renders a template as it would be sent, without sending or storing anything: a draft text,
 * checked as a save would check it, or the stored template. Values not given take the kind's
 * samples.
 */
@Component
public class TemplatePreview {

  private final TemplateStore store;
  private final DefaultTemplates defaults;

  TemplatePreview(TemplateStore store, DefaultTemplates defaults) {
    this.store = store;
    this.defaults = defaults;
  }

  /**
   * @throws io.crossdesk.notification.template.domain.InvalidTemplateException when the draft would
   *     be refused on save
   */
  public Rendered draft(TemplateKey key, String subject, String body, Map<String, String> given) {
    return TemplateContent.of(key.kind(), key.channel(), subject, body).render(values(key, given));
  }

  /** The stored template (or the default when none is stored) rendered; empty without either. */
  public Optional<Rendered> stored(TemplateKey key, Map<String, String> given) {
    return store
        .find(key)
        .or(() -> defaults.find(key))
        .map((MessageTemplate template) -> template.render(values(key, given)));
  }

  private static Map<String, String> values(TemplateKey key, Map<String, String> given) {
    Map<String, String> values = new HashMap<>(TemplateContent.samples(key.kind()));
    if (given != null) {
      List<TemplateProblem> unknown =
          given.keySet().stream()
              .filter(name -> !key.kind().offers(name))
              .map(
                  name ->
                      new TemplateProblem(
                          "values." + name, key.kind().id() + " offers no placeholder " + name))
              .toList();
      if (!unknown.isEmpty()) {
        throw new InvalidTemplateException(unknown);
      }
      values.putAll(given);
    }
    return values;
  }
}
