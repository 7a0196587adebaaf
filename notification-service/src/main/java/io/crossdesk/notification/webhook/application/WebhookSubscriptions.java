package io.crossdesk.notification.webhook.application;

import io.crossdesk.notification.webhook.domain.SecretRotationException;
import io.crossdesk.notification.webhook.domain.Subscription;
import io.crossdesk.notification.webhook.domain.WebhookSecret;
import io.crossdesk.notification.webhook.persistence.SubscriptionStore;
import io.crossdesk.platform.web.InvalidRequestException;
import io.crossdesk.platform.web.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** What administrators and other systems do with webhook subscriptions. */
@Component
public class WebhookSubscriptions {

  private final SubscriptionStore store;
  private final SubscriberIsolation isolation;
  private final WebhookProperties properties;
  private final Clock clock;

  WebhookSubscriptions(
      SubscriptionStore store,
      SubscriberIsolation isolation,
      WebhookProperties properties,
      Clock clock) {
    this.store = store;
    this.isolation = isolation;
    this.properties = properties;
    this.clock = clock;
  }

  /** A subscription, and its secret, which is shown this once. */
  public record WithSecret(Subscription subscription, WebhookSecret secret) {}

  public WithSecret subscribe(
      String url,
      Set<String> eventTypes,
      Set<String> departments,
      String description,
      boolean enabled,
      String createdBy) {
    WebhookSecret secret = WebhookSecret.generate();
    Subscription subscription =
        Subscription.create(
            UUID.randomUUID().toString(),
            url,
            eventTypes,
            departments,
            description,
            enabled,
            secret,
            clock.instant(),
            createdBy);
    return new WithSecret(store.insert(subscription), secret);
  }

  /**
   * A TMF621 listener of system {@code createdBy}, which takes the events of {@code eventTypes}
   * (those its query's notifications are made from), and its secret, which is shown this once.
   *
   * @param allTickets whether the system may see every ticket, and so hear about every one
   */
  public WithSecret subscribeTmf621Listener(
      String url, Set<String> eventTypes, String query, boolean allTickets, String createdBy) {
    WebhookSecret secret = WebhookSecret.generate();
    Subscription listener =
        Subscription.tmf621Listener(
            UUID.randomUUID().toString(),
            url,
            eventTypes,
            query,
            allTickets,
            secret,
            clock.instant(),
            createdBy);
    return new WithSecret(store.insert(listener), secret);
  }

  public List<Subscription> all() {
    return store.all();
  }

  public Subscription get(String id) {
    return find(id).orElseThrow(() -> notFound(id));
  }

  public Optional<Subscription> find(String id) {
    return store.find(id);
  }

  public Subscription edit(
      String id,
      String url,
      Set<String> eventTypes,
      Set<String> departments,
      String description,
      Boolean enabled) {
    return store
        .change(
            id,
            before ->
                before.edit(url, eventTypes, departments, description, enabled, clock.instant()))
        .orElseThrow(() -> notFound(id));
  }

  public void remove(String id) {
    if (!store.remove(id)) {
      throw notFound(id);
    }
    isolation.forget(id);
  }

  /**
   * Adds a new secret; the active ones keep signing for {@code crossdesk.webhooks.secret-overlap}.
   */
  public WithSecret rotate(String id) {
    WebhookSecret secret = WebhookSecret.generate();
    Subscription after =
        secretChange(
            id, before -> before.rotate(secret, clock.instant(), properties.secretOverlap()));
    return new WithSecret(after, secret);
  }

  public Subscription removeSecret(String id, int number) {
    return secretChange(id, before -> before.withoutSecret(number, clock.instant()));
  }

  private Subscription secretChange(
      String id, java.util.function.UnaryOperator<Subscription> change) {
    try {
      return store.change(id, change).orElseThrow(() -> notFound(id));
    } catch (SecretRotationException refused) {
      throw InvalidRequestException.field("secrets", refused.getMessage());
    } catch (IllegalArgumentException noSuchSecret) {
      throw new NotFoundException(noSuchSecret.getMessage());
    }
  }

  private static NotFoundException notFound(String id) {
    return new NotFoundException("no webhook subscription " + id);
  }
}
