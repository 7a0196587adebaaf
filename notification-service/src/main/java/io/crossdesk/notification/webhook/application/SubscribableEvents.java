package io.crossdesk.notification.webhook.application;

import io.crossdesk.contracts.EventCatalogue;
import io.crossdesk.contracts.EventContract;
import io.crossdesk.contracts.Topics;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The event types other systems may subscribe to: every catalogued type of the topics the webhook
 * consumer follows (Crossdesk's business events; inbound requests and notification outcomes are not
 * offered).
 */
public final class SubscribableEvents {

  public static final List<String> TOPICS =
      List.of(Topics.CUSTOMERS, Topics.TICKETS, Topics.WORKORDERS);

  private SubscribableEvents() {}

  public static List<EventContract> contracts() {
    return EventCatalogue.ALL.stream()
        .filter(contract -> TOPICS.contains(contract.topic()))
        .toList();
  }

  public static Set<String> types() {
    return contracts().stream().map(EventContract::type).collect(Collectors.toSet());
  }
}
