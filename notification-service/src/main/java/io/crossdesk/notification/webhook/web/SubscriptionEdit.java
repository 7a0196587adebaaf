package io.crossdesk.notification.webhook.web;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * The fields of a subscription to change; those left out stay. Enabling a disabled subscription
 * starts its count of failed deliveries afresh.
 */
record SubscriptionEdit(
    @Size(min = 1, max = 2000) @WebhookAddress String url,
    @Size(min = 1, max = 100) @SubscribableTypes Set<String> eventTypes,
    @Size(max = 100)
        Set<
                @Pattern(
                    regexp = SubscriptionRequest.DEPARTMENT,
                    message = "must be 1-64 letters, digits, '.', '_', ':' or '-'")
                String>
            departments,
    @Size(max = 500) String description,
    Boolean enabled) {}
