package io.crossdesk.notification.tmf621.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.crossdesk.notification.webhook.domain.Subscription;

/** TMF's EventSubscription: a registered listener, as TMF shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EventSubscription(String id, String callback, String query) {

  static EventSubscription of(Subscription listener) {
    return new EventSubscription(listener.id(), listener.url(), listener.query());
  }
}
