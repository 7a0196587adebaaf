package io.crossdesk.notification.tmf621.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** TMF's EventSubscriptionInput: where to send notifications, and which (null for all). */
record EventSubscriptionInput(
    @NotBlank @Size(max = 2000) String callback, @Size(max = 1000) String query) {}
