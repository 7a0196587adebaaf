package io.crossdesk.notification.template.application;

import io.crossdesk.notification.template.domain.MessageTemplate;
import io.crossdesk.notification.template.persistence.TemplateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The templates in force, seeded at start-up and cached in memory. An edit made through this
 * instance is seen here at once; other instances read the store again when their copy is older than
 * {@code crossdesk.notifications.templates.refresh} (30 s by default), so an edit reaches every
 * instance within that time.
 */
@Component
public class TemplateCatalogue implements InitializingBean {

  private static final Logger LOG = LoggerFactory.getLogger(TemplateCatalogue.class);

  private final TemplateStore store;
  private final DefaultTemplates defaults;
  private final Clock clock;
  private final Duration refresh;

  private volatile Templates current;
  private volatile Instant readAt = Instant.MIN;

  TemplateCatalogue(
      TemplateStore store,
      DefaultTemplates defaults,
      Clock clock,
      @Value("${crossdesk.notifications.templates.refresh:30s}") Duration refresh) {
    this.store = store;
    this.defaults = defaults;
    this.clock = clock;
    this.refresh = refresh;
  }

  /** Stores every built-in default whose key is missing; an admin's edit is never overwritten. */
  @Override
  public void afterPropertiesSet() {
    int inserted = store.insertMissing(defaults.all());
    if (inserted > 0) {
      LOG.info("Seeded {} default notification templates", inserted);
    }
  }

  /** The templates in force, read from the store when the copy here is older than the refresh. */
  public Templates current() {
    Templates templates = current;
    Instant now = clock.instant();
    if (templates == null || !now.isBefore(readAt.plus(refresh))) {
      synchronized (this) {
        if (current == null || !now.isBefore(readAt.plus(refresh))) {
          Map<String, MessageTemplate> stored = new HashMap<>();
          store.findAll().forEach(template -> stored.put(template.key().id(), template));
          current = new Templates(stored, defaults);
          readAt = now;
        }
        templates = current;
      }
    }
    return templates;
  }

  /** Every stored template, read from the store now, in key order. */
  public List<MessageTemplate> stored() {
    return store.findAll();
  }

  /** Forgets the copy here, after an edit through this instance. */
  void invalidate() {
    current = null;
  }
}
