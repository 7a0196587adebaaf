package io.crossdesk.notification.webhook.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** A new subscription: where, which event types, optionally only some departments' events. */
record SubscriptionRequest(
    @NotBlank @WebhookAddress String url,
    @NotEmpty @Size(max = 100) @SubscribableTypes Set<String> eventTypes,
    @Size(max = 100)
        Set<
                @Pattern(
                    regexp = DEPARTMENT,
                    message = "must be 1-64 letters, digits, '.', '_', ':' or '-'")
                String>
            departments,
    @Size(max = 500) String description,
    Boolean enabled) {

  static final String DEPARTMENT = "[A-Za-z0-9._:-]{1,64}";

  Set<String> departmentsOrNone() {
    return departments == null ? Set.of() : departments;
  }

  boolean enabledOrDefault() {
    return enabled == null || enabled;
  }
}
