package io.crossdesk.notification.tmf621.application;

import io.crossdesk.notification.tmf621.domain.InvalidListenerQueryException;
import io.crossdesk.notification.tmf621.domain.ListenerQuery;
import io.crossdesk.notification.webhook.application.OwnAddresses;
import io.crossdesk.notification.webhook.application.WebhookSubscriptions;
import io.crossdesk.notification.webhook.application.WebhookSubscriptions.WithSecret;
import io.crossdesk.notification.webhook.domain.PayloadFormat;
import io.crossdesk.notification.webhook.domain.WebhookUrl;
import io.crossdesk.notification.webhook.domain.WebhookUrlRefusedException;
import io.crossdesk.platform.web.InvalidRequestException;
import io.crossdesk.platform.web.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * What other systems do at the TMF621 hub: register a listener, which is a webhook subscription in
 * TMF621 format (signed, retried, disabled and logged as every other), and remove their own. A
 * listener hears about the tickets its system may see: all of them, or those it opened.
 */
@Component
public class HubListeners {

  private final WebhookSubscriptions subscriptions;
  private final OwnAddresses own;

  HubListeners(WebhookSubscriptions subscriptions, OwnAddresses own) {
    this.subscriptions = subscriptions;
    this.own = own;
  }

  /**
   * Registers {@code system}'s listener at {@code callback}, which is sent every notification as it
   * is (no {@code /listener/...} path added), under the rules of any webhook URL.
   *
   * @param query null or blank for every notification type
   * @param allTickets whether the system may see every ticket
   * @throws InvalidRequestException naming {@code callback} or {@code query} when one is refused
   */
  public WithSecret register(String callback, String query, String system, boolean allTickets) {
    String url = callback.strip();
    try {
      WebhookUrl.check(url, own.all());
    } catch (WebhookUrlRefusedException refused) {
      throw InvalidRequestException.field("callback", refused.getMessage());
    }
    String kept = query == null || query.isBlank() ? null : query.strip();
    ListenerQuery wanted;
    try {
      wanted = ListenerQuery.parse(kept);
    } catch (InvalidListenerQueryException refused) {
      throw InvalidRequestException.field("query", refused.getMessage());
    }
    return subscriptions.subscribeTmf621Listener(
        url, wanted.crossdeskTypes(), kept, allTickets, system);
  }

  /**
   * Removes {@code system}'s listener {@code id}; its pending deliveries are given up.
   *
   * @throws NotFoundException when there is none, or it is another system's (which it may not learn
   *     exists) or not a TMF621 listener
   */
  public void unregister(String id, String system) {
    subscriptions
        .find(id)
        .filter(listener -> listener.format() == PayloadFormat.TMF621)
        .filter(listener -> system.equals(listener.createdBy()))
        .orElseThrow(() -> new NotFoundException("no listener " + id));
    subscriptions.remove(id);
  }
}
